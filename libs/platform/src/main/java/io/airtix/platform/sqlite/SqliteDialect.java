package io.airtix.platform.sqlite;

import java.sql.SQLException;
import org.hibernate.community.dialect.SQLiteDialect;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.ConstraintViolationException.ConstraintKind;
import org.hibernate.exception.LockAcquisitionException;
import org.hibernate.exception.spi.SQLExceptionConversionDelegate;

/**
 * Hibernate's SQLite dialect, plus translation of SQLite's extended result codes (which sqlite-jdbc
 * reports, e.g. 2067 for a unique violation): without it a unique constraint is a generic
 * persistence error (500) on SQLite but a constraint violation (409) on PostgreSQL.
 */
public class SqliteDialect extends SQLiteDialect {

  private static final int SQLITE_BUSY = 5;
  private static final int SQLITE_LOCKED = 6;
  private static final int SQLITE_CONSTRAINT = 19;
  private static final int SQLITE_CONSTRAINT_PRIMARYKEY = 1555;
  private static final int SQLITE_CONSTRAINT_UNIQUE = 2067;

  @Override
  public SQLExceptionConversionDelegate buildSQLExceptionConversionDelegate() {
    SQLExceptionConversionDelegate inherited = super.buildSQLExceptionConversionDelegate();
    return (SQLException exception, String message, String sql) -> {
      int code = exception.getErrorCode();
      int primary = code & 0xff;
      if (primary == SQLITE_CONSTRAINT) {
        ConstraintKind kind =
            code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_PRIMARYKEY
                ? ConstraintKind.UNIQUE
                : ConstraintKind.OTHER;
        return new ConstraintViolationException(message, exception, sql, kind, null);
      }
      if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) {
        return new LockAcquisitionException(message, exception, sql);
      }
      return inherited == null ? null : inherited.convert(exception, message, sql);
    };
  }
}
