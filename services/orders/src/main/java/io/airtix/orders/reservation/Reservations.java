package io.airtix.orders.reservation;

import io.airtix.events.orders.OrderExpired;
import io.airtix.events.reservations.ReservationRefused;
import io.airtix.orders.ratelimit.ReservationRateLimits;
import io.airtix.orders.ticketreplica.ReplicatedTicket;
import io.airtix.orders.ticketreplica.ReplicatedTickets;
import io.airtix.platform.authorization.AccessPolicy;
import io.airtix.platform.jdbc.PlainSqlTransactions;
import io.airtix.platform.messaging.Outbox;
import io.airtix.platform.problem.AirlineNotFoundException;
import io.airtix.platform.problem.AirtixProblem;
import io.airtix.platform.security.AirtixPrincipal;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizers;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Customers reserve tickets and cancel their reservations; airline staff look at their airline's
 * orders. Every change writes the order and its event to the outbox in one transaction.
 *
 * <p>A ticket is never held by two orders: a look for an order that holds or bought it is only the
 * polite early answer. The arbiter is the partial unique index on {@code orders(ticket_id)} over
 * the active statuses: of two reservations racing for one ticket, the database lets exactly one
 * insert commit. The replica of the tickets service's catalogue gives the ticket's airline and
 * price; whether it is taken, this service's own orders say.
 *
 * <p>A reservation checks everything that needs no write (access, the replica, the rate limits in
 * Redis, its ticket's orders) before its transaction opens: the transaction, and the connection it
 * holds, last only as long as the insert and the outbox row. Being the sale's hot path, it runs in
 * plain SQL in a JDBC transaction (no persistence context to open, fill and flush); every other
 * change of an order goes through the {@link Order} entity.
 */
@Service
class Reservations {

  static final String RESOURCE = "orders";

  private static final Logger log = LoggerFactory.getLogger(Reservations.class);

  // Newest first; the id breaks ties between orders of the same instant so paging is stable
  private static final Sort NEWEST_FIRST =
      Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));

  // The partial unique index of V1__orders_and_ticket_replica.sql, as PostgreSQL and SQLite name
  // its violation
  private static final String ACTIVE_ORDER_INDEX = "uk_orders_active_ticket";
  private static final String ACTIVE_ORDER_COLUMN = "orders.ticket_id";

  private final OrderRepository orders;
  private final NewOrders newOrders;
  private final ReplicatedTickets tickets;
  private final AccessPolicy access;
  private final Outbox outbox;
  private final HoldSettings settings;
  private final ReservationRateLimits rateLimits;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final ReservationOutcomes outcomes;

  Reservations(
      OrderRepository orders,
      NewOrders newOrders,
      ReplicatedTickets tickets,
      AccessPolicy access,
      Outbox outbox,
      HoldSettings settings,
      ReservationRateLimits rateLimits,
      DataSource dataSource,
      ObjectProvider<TransactionManagerCustomizers> customizers,
      Clock clock,
      ReservationOutcomes outcomes) {
    this.orders = orders;
    this.newOrders = newOrders;
    this.tickets = tickets;
    this.access = access;
    this.outbox = outbox;
    this.settings = settings;
    this.rateLimits = rateLimits;
    // the reservation's writes (order, replica mark, outbox row) are all plain SQL
    this.transactions = PlainSqlTransactions.on(dataSource, customizers);
    this.clock = clock;
    this.outcomes = outcomes;
  }

  /**
   * Holds the ticket for the caller until now + the hold, at the price the caller saw.
   *
   * @throws TicketNotFoundException the ticket is unknown here (404)
   * @throws io.airtix.platform.ratelimit.RateLimitedException the caller or the ticket's airline
   *     made too many reservations lately (429); counted only once the airline is known, before
   *     anything is written
   * @throws TicketUnavailableException held by another order or sold (409)
   * @throws PriceChangedException the caller saw another price (409, with the current one)
   * @throws TooManyHoldsException the caller holds as many tickets as one may (409)
   */
  OrderResponse reserve(AirtixPrincipal caller, ReserveTicketRequest request) {
    try {
      OrderResponse order = tryToReserve(caller, request);
      outcomes.reserved();
      return order;
    } catch (AirtixProblem refused) {
      outcomes.refused(refused);
      throw refused;
    }
  }

  private OrderResponse tryToReserve(AirtixPrincipal caller, ReserveTicketRequest request) {
    access.requireSomewhere(caller, "create", RESOURCE);
    ReplicatedTicket ticket =
        tickets
            .find(request.ticketId())
            .orElseThrow(() -> new TicketNotFoundException(request.ticketId()));
    access.require(caller, "create", RESOURCE, ticket.airline());
    // before the answers that depend on the ticket's state: a flash sale's losing attempts count as
    // well
    rateLimits.admit(caller.userId(), ticket.airline());
    if (newOrders.ticketTaken(ticket.id())) {
      throw new TicketUnavailableException(ticket.id());
    }
    if (!ticket.costs(request.price(), request.currency())) {
      throw new PriceChangedException(ticket.id(), ticket.price(), ticket.currency());
    }
    return transactions.execute(status -> hold(caller, ticket));
  }

  /** Writes the order and its event; the unique index decides a race the replica could not see. */
  private OrderResponse hold(AirtixPrincipal caller, ReplicatedTicket ticket) {
    if (newOrders.holdsOf(caller.userId()) >= settings.maxHolds()) {
      throw new TooManyHoldsException(settings.maxHolds());
    }
    Instant now = clock.instant();
    Order order =
        new Order(
            UUID.randomUUID(),
            ticket.id(),
            ticket.version(),
            ticket.airline(),
            caller.userId(),
            ticket.price(),
            ticket.currency(),
            now,
            now.plus(settings.hold()));
    try {
      newOrders.insert(order);
    } catch (DataAccessException ex) {
      if (isActiveOrderConflict(ex)) {
        // the expected answer to a lost race, not an error
        log.debug("Ticket {} went to another order first", ticket.id());
        throw new TicketUnavailableException(ticket.id());
      }
      throw ex;
    }
    outbox.publish(order.created());
    return OrderResponse.from(order);
  }

  /**
   * The owner gives the ticket back: 404 for anyone else's order, 409 once paid, being paid or
   * cancelled.
   */
  @Transactional
  OrderResponse cancel(AirtixPrincipal caller, UUID id) {
    access.requireSomewhere(caller, "cancel-own", RESOURCE);
    Order order = ownOrder(caller, id);
    order.cancel(clock.instant());
    // flush so a concurrent change (an expiry) fails here with 409 and the event carries the new
    // version
    Order cancelled = orders.saveAndFlush(order);
    outbox.publish(cancelled.cancelled());
    return OrderResponse.from(cancelled);
  }

  /**
   * A deadline of an order passed. When the hold ran out, the order is cancelled unless its payment
   * started; when the payment window closed, it is cancelled unless paid. Repeated or late
   * deadlines do nothing.
   */
  @Transactional
  void expire(OrderExpired deadline) {
    Order order = orders.findById(deadline.orderId()).orElse(null);
    if (order == null) {
      log.warn("Order {} expired but is unknown here", deadline.orderId());
      return;
    }
    boolean ended =
        deadline.paymentWindowClosed()
            ? order.closePaymentWindow(clock.instant())
            : order.expire(clock.instant());
    if (!ended) {
      log.info(
          "Order {}'s {} passed while it is {}; kept",
          order.id(),
          deadline.paymentWindowClosed() ? "payment window" : "hold",
          order.status());
      return;
    }
    Order cancelled = orders.saveAndFlush(order);
    outbox.publish(cancelled.cancelled());
  }

  /**
   * The tickets service withdrew the ticket. It refuses to withdraw a ticket it knows reserved or
   * sold, so an order here holds a withdrawn ticket only when it was made before that service heard
   * of it: such an order ends now, whatever its payment did (a payment that went through is
   * refunded).
   */
  @Transactional
  void ticketWithdrawn(UUID ticketId) {
    for (Order order : orders.findByTicketId(ticketId)) {
      end(order, CancellationReason.TICKET_WITHDRAWN);
    }
  }

  /**
   * The tickets service refused the order: the ticket it names changed after the customer saw it,
   * or is gone. The order ends, whatever its payment did, with the reason the customer is told.
   */
  @Transactional
  void refused(ReservationRefused refusal) {
    orders
        .findById(refusal.orderId())
        .ifPresentOrElse(
            order -> end(order, reasonOf(order, refusal)),
            () -> log.warn("Order {} was refused but is unknown here", refusal.orderId()));
  }

  private void end(Order order, CancellationReason reason) {
    if (order.refuse(reason, clock.instant())) {
      log.info("Order {} of ticket {} cancelled: {}", order.id(), order.ticketId(), reason);
      outbox.publish(orders.saveAndFlush(order).cancelled());
    }
  }

  private static CancellationReason reasonOf(Order order, ReservationRefused refusal) {
    if (ReservationRefused.TICKET_WITHDRAWN.equals(refusal.reason())) {
      return CancellationReason.TICKET_WITHDRAWN;
    }
    boolean samePrice =
        refusal.price() != null
            && refusal.price().compareTo(order.price()) == 0
            && order.currency().equals(refusal.currency());
    return samePrice ? CancellationReason.TICKET_CHANGED : CancellationReason.PRICE_CHANGED;
  }

  @Transactional(readOnly = true)
  OrderResponse find(AirtixPrincipal caller, UUID id) {
    access.requireSomewhere(caller, "read-own", RESOURCE);
    return OrderResponse.from(ownOrder(caller, id));
  }

  /** The caller's own orders, newest first. */
  @Transactional(readOnly = true)
  OrderPage mine(AirtixPrincipal caller, int page, int size) {
    access.requireSomewhere(caller, "read-own", RESOURCE);
    return OrderPage.from(
        orders.findByCustomerId(caller.userId(), PageRequest.of(page, size, NEWEST_FIRST)));
  }

  /**
   * An airline's orders for its staff: 403 for callers who read orders nowhere, 404 for another
   * airline's.
   */
  @Transactional(readOnly = true)
  OrderPage ofAirline(AirtixPrincipal caller, String airline, int page, int size) {
    access.requireOnObject(
        caller, "read", RESOURCE, airline, () -> new AirlineNotFoundException(airline));
    return OrderPage.from(orders.findByAirline(airline, PageRequest.of(page, size, NEWEST_FIRST)));
  }

  // Somebody else's order is as unknown as an order that does not exist
  private Order ownOrder(AirtixPrincipal caller, UUID id) {
    return orders
        .findById(id)
        .filter(order -> order.ownedBy(caller.userId()))
        .orElseThrow(() -> new OrderNotFoundException(id));
  }

  // SQLite's unique violation reaches plain JDBC as an uncategorized error, PostgreSQL's as a
  // duplicate key
  private static boolean isActiveOrderConflict(DataAccessException ex) {
    String message = String.valueOf(NestedExceptionUtils.getMostSpecificCause(ex).getMessage());
    return message.contains(ACTIVE_ORDER_INDEX) || message.contains(ACTIVE_ORDER_COLUMN);
  }
}
