package io.airtix.payments.customer;

import io.airtix.events.EventEnvelope;
import io.airtix.events.users.UserDeleted;
import io.airtix.platform.messaging.EventOrdering;
import io.airtix.platform.messaging.InboxListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Takes a person whose account was deleted out of the payments service: their payments and the
 * replica of their orders stay for accounting (amount, airline, Stripe's ids, outcome) with {@link
 * #ERASED} as the customer. The service holds no name or e-mail address, and the PaymentIntents it
 * creates carry none to Stripe. As in the orders service (decision 0013), erasure is no step in a
 * payment's life: versions stay and no event is published.
 */
@Component
class AccountErasure {

  /**
   * The customer of a payment whose payer deleted their account; no token ever has this subject.
   */
  static final String ERASED = "erased";

  private static final Logger log = LoggerFactory.getLogger(AccountErasure.class);

  private final JdbcClient jdbc;

  AccountErasure(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @InboxListener(ordering = EventOrdering.NEWER_ONLY)
  void on(EventEnvelope<UserDeleted> event) {
    String userId = event.payload().userId();
    int payments = anonymise("payments", userId);
    int orders = anonymise("order_replica", userId);
    // the event id ties this line to Keycloak's deletion; nothing in it names or identifies the
    // person
    log.info(
        "Erased a deleted account (event {}): {} payments and {} orders kept without their customer",
        event.id(),
        payments,
        orders);
  }

  private int anonymise(String table, String userId) {
    return jdbc.sql("UPDATE " + table + " SET customer_id = :erased WHERE customer_id = :customer")
        .param("erased", ERASED)
        .param("customer", userId)
        .update();
  }
}
