package io.airtix.platform.jdbc;

import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizers;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Transactions for work that runs only plain SQL on the service's data source: a JDBC transaction
 * manager's, without the JPA one's entity manager to open, fill and flush. Statements through
 * {@code JdbcClient} on the same data source (the outbox's among them) join them. Customised like
 * the service's own transaction manager (default timeout, execution listeners).
 */
public final class PlainSqlTransactions {

  private PlainSqlTransactions() {}

  public static TransactionTemplate on(
      DataSource dataSource, ObjectProvider<TransactionManagerCustomizers> customizers) {
    JdbcTransactionManager transactionManager = new JdbcTransactionManager(dataSource);
    customizers.ifAvailable(customizer -> customizer.customize(transactionManager));
    return new TransactionTemplate(transactionManager);
  }
}
