package io.airtix.orders.customer;

import io.airtix.events.EventEnvelope;
import io.airtix.events.users.UserCreated;
import io.airtix.events.users.UserDeleted;
import io.airtix.events.users.UserUpdated;
import io.airtix.platform.messaging.EventOrdering;
import io.airtix.platform.messaging.InboxListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps customers' contact details as Keycloak has them, and erases a person when their account is
 * deleted. Keycloak has no version per user: the event time serves, so a late, older update is
 * ignored ({@code NEWER_ONLY}).
 *
 * <p>Erasure deletes the customer's record and takes the person out of their orders: the sale stays
 * for accounting (ticket, airline, price, dates, status) with {@link #ERASED} as its customer. The
 * orders keep their version: erasure is not a step in an order's life, and nothing downstream needs
 * to hear of it (every service erases on {@code user.deleted} itself).
 */
@Component
class CustomerEvents {

  /** The customer of an order whose buyer deleted their account; no token ever has this subject. */
  static final String ERASED = "erased";

  private static final Logger LOG = LoggerFactory.getLogger(CustomerEvents.class);

  private final CustomerRepository customers;
  private final JdbcClient jdbc;

  CustomerEvents(CustomerRepository customers, JdbcClient jdbc) {
    this.customers = customers;
    this.jdbc = jdbc;
  }

  @InboxListener(ordering = EventOrdering.NEWER_ONLY)
  void on(UserCreated event) {
    describe(event.userId(), event.version(), event.email(), event.firstName(), event.lastName());
  }

  @InboxListener(ordering = EventOrdering.NEWER_ONLY)
  void on(UserUpdated event) {
    // also creates: an account older than this service is first heard of through an update
    describe(event.userId(), event.version(), event.email(), event.firstName(), event.lastName());
  }

  @InboxListener(ordering = EventOrdering.NEWER_ONLY)
  void on(EventEnvelope<UserDeleted> event) {
    String userId = event.payload().userId();
    boolean hadRecord = customers.existsById(userId);
    customers.deleteById(userId);
    int orders =
        jdbc.sql("UPDATE orders SET customer_id = :erased WHERE customer_id = :customer")
            .param("erased", ERASED)
            .param("customer", userId)
            .update();
    // the event id ties this line to Keycloak's deletion; nothing in it names or identifies the
    // person
    LOG.info(
        "Erased a deleted account (event {}): contact record {}, {} orders kept without their customer",
        event.id(),
        hadRecord ? "deleted" : "absent",
        orders);
  }

  private void describe(
      String userId, long version, String email, String firstName, String lastName) {
    Customer customer = customers.findById(userId).orElseGet(() -> new Customer(userId));
    customer.describe(version, email, firstName, lastName);
    customers.save(customer);
  }
}
