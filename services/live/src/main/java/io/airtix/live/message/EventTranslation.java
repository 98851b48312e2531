package io.airtix.live.message;

import io.airtix.events.EventEnvelope;
import io.airtix.events.orders.OrderAwaitingPayment;
import io.airtix.events.orders.OrderCancelled;
import io.airtix.events.orders.OrderCompleted;
import io.airtix.events.orders.OrderCreated;
import io.airtix.events.orders.OrderPaymentFailed;
import io.airtix.events.orders.OrderRefunded;
import io.airtix.events.payments.ChargeCreated;
import io.airtix.events.payments.PaymentFailed;
import io.airtix.events.payments.PaymentRefunded;
import io.airtix.events.payments.PaymentStarted;
import io.airtix.events.staff.StaffChanged;
import io.airtix.events.tickets.TicketCreated;
import io.airtix.events.tickets.TicketDeleted;
import io.airtix.events.tickets.TicketUpdated;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Turns an event of the backbone into the messages each audience may see. The catalogue learns that
 * a ticket is held, released or sold and never by whom; a customer hears of their own orders; an
 * airline's staff get the event as it is, for the resource the access policy lets them read.
 */
public final class EventTranslation {

  static final String TICKETS = "tickets";
  static final String ORDERS = "orders";
  static final String PAYMENTS = "payments";
  static final String STAFF = "staff";

  private final MessageJson json;
  private final TicketFacts tickets;

  public EventTranslation(MessageJson json, TicketFacts tickets) {
    this.json = json;
    this.tickets = tickets;
  }

  public List<LiveMessage> translate(EventEnvelope<?> event) {
    Messages out = new Messages(event);
    Object payload = event.payload();
    if (payload instanceof TicketCreated created) {
      tickets.learn(
          created.ticketId(),
          created.origin(),
          created.destination(),
          created.departureTime(),
          created.price());
      out.catalogue(MessageTypes.TICKET_PUBLISHED, created.ticketId(), created.airline(), created);
      out.staff(created.airline(), TICKETS, created);
    } else if (payload instanceof TicketUpdated updated) {
      TicketFacts.Facts before = tickets.remembered(updated.ticketId());
      tickets.learn(
          updated.ticketId(),
          updated.origin(),
          updated.destination(),
          updated.departureTime(),
          updated.price());
      Map<String, Object> data = fields(updated);
      if (before != null && before.price().compareTo(updated.price()) != 0) {
        data.put("previousPrice", before.price());
      }
      out.catalogue(MessageTypes.TICKET_CHANGED, updated.ticketId(), updated.airline(), data);
      out.staff(updated.airline(), TICKETS, updated);
    } else if (payload instanceof TicketDeleted deleted) {
      out.catalogue(
          MessageTypes.TICKET_WITHDRAWN,
          deleted.ticketId(),
          deleted.airline(),
          ticket(deleted.ticketId(), deleted.airline()));
      tickets.forget(deleted.ticketId());
      out.staff(deleted.airline(), TICKETS, deleted);
    } else if (payload instanceof OrderCreated created) {
      out.catalogue(
          MessageTypes.TICKET_HELD,
          created.ticketId(),
          created.airline(),
          ticket(created.ticketId(), created.airline()));
      Map<String, Object> order = order(created.orderId(), created.ticketId(), created.airline());
      order.put("price", created.price());
      order.put("currency", created.currency());
      order.put("expiresAt", created.expiresAt());
      out.customer(created.customerId(), MessageTypes.ORDER_HELD, order);
      out.staff(created.airline(), ORDERS, created);
    } else if (payload instanceof OrderCancelled cancelled) {
      out.catalogue(
          MessageTypes.TICKET_RELEASED,
          cancelled.ticketId(),
          cancelled.airline(),
          ticket(cancelled.ticketId(), cancelled.airline()));
      Map<String, Object> order =
          order(cancelled.orderId(), cancelled.ticketId(), cancelled.airline());
      order.put("reason", cancelled.reason());
      out.customer(
          cancelled.customerId(),
          ranOutOfTime(cancelled) ? MessageTypes.ORDER_EXPIRED : MessageTypes.ORDER_CANCELLED,
          order);
      out.staff(cancelled.airline(), ORDERS, cancelled);
    } else if (payload instanceof OrderAwaitingPayment awaiting) {
      Map<String, Object> order =
          order(awaiting.orderId(), awaiting.ticketId(), awaiting.airline());
      order.put("paymentId", awaiting.paymentId());
      out.customer(awaiting.customerId(), MessageTypes.ORDER_AWAITING_PAYMENT, order);
      out.staff(awaiting.airline(), ORDERS, awaiting);
    } else if (payload instanceof OrderCompleted completed) {
      out.catalogue(
          MessageTypes.TICKET_SOLD,
          completed.ticketId(),
          completed.airline(),
          ticket(completed.ticketId(), completed.airline()));
      out.customer(
          completed.customerId(),
          MessageTypes.PAYMENT_SUCCEEDED,
          order(completed.orderId(), completed.ticketId(), completed.airline()));
      out.staff(completed.airline(), ORDERS, completed);
    } else if (payload instanceof OrderPaymentFailed failed) {
      Map<String, Object> order = order(failed.orderId(), failed.ticketId(), failed.airline());
      order.put("paymentId", failed.paymentId());
      out.customer(failed.customerId(), MessageTypes.PAYMENT_FAILED, order);
      out.staff(failed.airline(), ORDERS, failed);
    } else if (payload instanceof OrderRefunded refunded) {
      Map<String, Object> order =
          order(refunded.orderId(), refunded.ticketId(), refunded.airline());
      order.put("paymentId", refunded.paymentId());
      order.put("refundId", refunded.refundId());
      out.customer(refunded.customerId(), MessageTypes.ORDER_REFUNDED, order);
      out.staff(refunded.airline(), ORDERS, refunded);
    } else if (payload instanceof PaymentStarted started) {
      out.staff(started.airline(), PAYMENTS, started);
    } else if (payload instanceof PaymentFailed failed) {
      out.staff(failed.airline(), PAYMENTS, failed);
    } else if (payload instanceof ChargeCreated charged) {
      out.staff(charged.airline(), PAYMENTS, charged);
    } else if (payload instanceof PaymentRefunded refunded) {
      out.staff(refunded.airline(), PAYMENTS, refunded);
    } else if (payload instanceof StaffChanged changed) {
      out.staff(changed.airline(), STAFF, changed);
    }
    // user events close connections (the deny-list) and deadlines become order events: the live
    // service says nothing of them itself
    return out.messages;
  }

  // a deadline passed; any other reason (the customer, the catalogue's refusal) is a cancellation
  private static boolean ranOutOfTime(OrderCancelled cancelled) {
    return OrderCancelled.EXPIRED.equals(cancelled.reason())
        || OrderCancelled.UNPAID.equals(cancelled.reason());
  }

  /**
   * The reminder a customer gets {@code ahead} of their hold's end; its position is derived from
   * the order, so every instance gives it the same one.
   */
  public LiveMessage holdEnding(
      UUID orderId,
      UUID ticketId,
      String airline,
      String customerId,
      Instant expiresAt,
      Instant at) {
    Map<String, Object> order = order(orderId, ticketId, airline);
    order.put("expiresAt", expiresAt);
    String position =
        UUID.nameUUIDFromBytes(("hold-ending:" + orderId).getBytes(StandardCharsets.UTF_8))
            .toString();
    return json.message(
        position, MessageTypes.ORDER_HOLD_ENDING, new Audience.Customer(customerId), at, order);
  }

  private final class Messages {

    private final EventEnvelope<?> event;
    private final List<LiveMessage> messages = new ArrayList<>(3);

    Messages(EventEnvelope<?> event) {
      this.event = event;
    }

    void catalogue(String type, UUID ticket, String airline, Object data) {
      TicketFacts.Facts facts = tickets.of(ticket);
      add(
          type,
          new Audience.Catalogue(
              airline,
              ticket,
              facts == null ? null : facts.route(),
              facts == null ? null : facts.date()),
          data);
    }

    void customer(@Nullable String customerId, String type, Object data) {
      // events published before orders named their customer reach no one's private channel
      if (customerId != null) {
        add(type, new Audience.Customer(customerId), data);
      }
    }

    void staff(String airline, String resource, Object payload) {
      add(event.type(), new Audience.Staff(airline, resource), payload);
    }

    private void add(String type, Audience audience, Object data) {
      messages.add(json.message(event.id().toString(), type, audience, event.occurredAt(), data));
    }
  }

  private static Map<String, Object> ticket(UUID ticketId, String airline) {
    Map<String, Object> ticket = new LinkedHashMap<>();
    ticket.put("ticketId", ticketId);
    ticket.put("airline", airline);
    return ticket;
  }

  private static Map<String, Object> order(UUID orderId, UUID ticketId, String airline) {
    Map<String, Object> order = new LinkedHashMap<>();
    order.put("orderId", orderId);
    order.put("ticketId", ticketId);
    order.put("airline", airline);
    return order;
  }

  private static Map<String, Object> fields(TicketUpdated updated) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("ticketId", updated.ticketId());
    data.put("version", updated.version());
    data.put("airline", updated.airline());
    data.put("flightNumber", updated.flightNumber());
    data.put("origin", updated.origin());
    data.put("destination", updated.destination());
    data.put("departureTime", updated.departureTime());
    data.put("cabin", updated.cabin());
    data.put("seat", updated.seat());
    data.put("price", updated.price());
    data.put("currency", updated.currency());
    data.put("status", updated.status());
    return data;
  }
}
