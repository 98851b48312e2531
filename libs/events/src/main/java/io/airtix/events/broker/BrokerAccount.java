package io.airtix.events.broker;

import io.airtix.events.orders.OrderAwaitingPayment;
import io.airtix.events.orders.OrderCancelled;
import io.airtix.events.orders.OrderCompleted;
import io.airtix.events.orders.OrderCreated;
import io.airtix.events.orders.OrderExpired;
import io.airtix.events.orders.OrderPaymentFailed;
import io.airtix.events.orders.OrderRefunded;
import io.airtix.events.payments.ChargeCreated;
import io.airtix.events.payments.PaymentFailed;
import io.airtix.events.payments.PaymentRefunded;
import io.airtix.events.payments.PaymentStarted;
import io.airtix.events.reservations.ReservationRefused;
import io.airtix.events.staff.StaffChanged;
import io.airtix.events.tickets.TicketCreated;
import io.airtix.events.tickets.TicketDeleted;
import io.airtix.events.tickets.TicketUpdated;
import io.airtix.events.users.RealmLoggedOut;
import io.airtix.events.users.SessionEnded;
import io.airtix.events.users.UserBanned;
import io.airtix.events.users.UserCreated;
import io.airtix.events.users.UserCredentialsChanged;
import io.airtix.events.users.UserDeleted;
import io.airtix.events.users.UserRolesWithdrawn;
import io.airtix.events.users.UserUpdated;
import java.util.List;
import java.util.Set;

/**
 * A broker account of Airtix: who signs in to the broker, which event types it may publish, and
 * whether it keeps queues of its own. An event whose type is not in its publisher's list is refused
 * by the broker, so a service that can reach the broker still cannot pretend to be another (the
 * payments service alone says a charge succeeded).
 */
public enum BrokerAccount {
  TICKETS(
      "tickets",
      true,
      TicketCreated.TYPE,
      TicketUpdated.TYPE,
      TicketDeleted.TYPE,
      ReservationRefused.TYPE),
  ORDERS(
      "orders",
      true,
      OrderCreated.TYPE,
      OrderCancelled.TYPE,
      OrderCompleted.TYPE,
      OrderAwaitingPayment.TYPE,
      OrderPaymentFailed.TYPE,
      OrderRefunded.TYPE),
  EXPIRATION("expiration", true, OrderExpired.TYPE),
  PAYMENTS(
      "payments",
      true,
      PaymentStarted.TYPE,
      PaymentFailed.TYPE,
      ChargeCreated.TYPE,
      PaymentRefunded.TYPE),
  /** Listens for Keycloak's bans and logouts (its deny-list) and publishes nothing. */
  TENANTS("tenants", true),
  /**
   * The live-updates service: every instance reads every event through a queue of its own, to push
   * it to browsers, and publishes nothing.
   */
  LIVE("live", true),
  /**
   * Reads every event and publishes none: for an operator watching the backbone, and the tests of a
   * standalone Airtix, which read its password from the data folder.
   */
  OBSERVER("observer", true),
  /** The extension that publishes Keycloak's user and staff events; it consumes nothing. */
  KEYCLOAK(
      "keycloak",
      false,
      UserCreated.TYPE,
      UserUpdated.TYPE,
      UserDeleted.TYPE,
      UserBanned.TYPE,
      SessionEnded.TYPE,
      RealmLoggedOut.TYPE,
      UserRolesWithdrawn.TYPE,
      UserCredentialsChanged.TYPE,
      StaffChanged.TYPE);

  private final String service;
  private final boolean consumes;
  private final Set<String> publishes;

  BrokerAccount(String service, boolean consumes, String... publishes) {
    this.service = service;
    this.consumes = consumes;
    this.publishes = Set.copyOf(List.of(publishes));
  }

  /** The broker user name, e.g. {@code airtix-orders}. */
  public String username() {
    return "airtix-" + service;
  }

  /** The name the account's queues and dead-letter exchange carry, e.g. {@code orders}. */
  public String service() {
    return service;
  }

  /** The event types it may publish to {@link BrokerNames#EVENTS_EXCHANGE}. */
  public Set<String> publishes() {
    return publishes;
  }

  /** Whether it declares and consumes queues of its own, and dead-letters what fails. */
  public boolean consumes() {
    return consumes;
  }

  /** The account of a service, by its name ({@code spring.application.name}). */
  public static BrokerAccount ofService(String service) {
    for (BrokerAccount account : values()) {
      if (account.service.equals(service)) {
        return account;
      }
    }
    throw new IllegalArgumentException("No broker account for the service '" + service + "'");
  }
}
