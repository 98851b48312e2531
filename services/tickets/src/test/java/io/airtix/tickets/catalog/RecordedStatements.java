package io.airtix.tickets.catalog;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Keeps the SQL Hibernate sends, so a test can ask the database for the plan of the statement the
 * search really runs rather than a copy of it. Set as {@code
 * hibernate.session_factory.statement_inspector}.
 */
public class RecordedStatements implements StatementInspector {

  private static final List<String> STATEMENTS = new CopyOnWriteArrayList<>();

  @Override
  public String inspect(String sql) {
    STATEMENTS.add(sql);
    return sql;
  }

  static void clear() {
    STATEMENTS.clear();
  }

  /** The last statement that reads a page (the one with an order), not the count beside it. */
  static String lastPageQuery() {
    for (int i = STATEMENTS.size() - 1; i >= 0; i--) {
      String sql = STATEMENTS.get(i);
      if (sql.startsWith("select") && sql.contains(" order by ")) {
        return sql;
      }
    }
    throw new IllegalStateException("no page query recorded");
  }
}
