package io.airtix.events;

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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which payload record each event type string stands for. The type string is what travels (in the
 * envelope and as the routing key); the record is how a consumer reads the payload. Java class
 * names never leave the process, so a record may be renamed or moved without breaking a consumer.
 *
 * <p>A type is {@code <aggregate>.<what happened>} in lower case, e.g. {@code ticket.created}; the
 * part before the first dot names the aggregate stream whose versions a consumer applies in order.
 */
public final class EventTypes {

  private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+");

  /**
   * Every event of Airtix. A service that publishes a new event adds it here, next to its record.
   */
  public static final EventTypes AIRTIX =
      new EventTypes(Map.of())
          .with(TicketCreated.TYPE, TicketCreated.class)
          .with(TicketUpdated.TYPE, TicketUpdated.class)
          .with(TicketDeleted.TYPE, TicketDeleted.class)
          .with(OrderCreated.TYPE, OrderCreated.class)
          .with(OrderCancelled.TYPE, OrderCancelled.class)
          .with(OrderCompleted.TYPE, OrderCompleted.class)
          .with(OrderAwaitingPayment.TYPE, OrderAwaitingPayment.class)
          .with(OrderPaymentFailed.TYPE, OrderPaymentFailed.class)
          .with(OrderRefunded.TYPE, OrderRefunded.class)
          .with(PaymentStarted.TYPE, PaymentStarted.class)
          .with(PaymentFailed.TYPE, PaymentFailed.class)
          .with(ChargeCreated.TYPE, ChargeCreated.class)
          .with(PaymentRefunded.TYPE, PaymentRefunded.class)
          .with(OrderExpired.TYPE, OrderExpired.class)
          .with(ReservationRefused.TYPE, ReservationRefused.class)
          .with(UserCreated.TYPE, UserCreated.class)
          .with(UserUpdated.TYPE, UserUpdated.class)
          .with(UserDeleted.TYPE, UserDeleted.class)
          .with(UserBanned.TYPE, UserBanned.class)
          .with(SessionEnded.TYPE, SessionEnded.class)
          .with(RealmLoggedOut.TYPE, RealmLoggedOut.class)
          .with(UserRolesWithdrawn.TYPE, UserRolesWithdrawn.class)
          .with(UserCredentialsChanged.TYPE, UserCredentialsChanged.class)
          .with(StaffChanged.TYPE, StaffChanged.class);

  private final Map<String, Class<? extends Record>> payloads;
  private final Map<Class<?>, String> types;

  private EventTypes(Map<String, Class<? extends Record>> payloads) {
    this.payloads = Collections.unmodifiableMap(new LinkedHashMap<>(payloads));
    Map<Class<?>, String> reverse = new LinkedHashMap<>();
    payloads.forEach((type, payload) -> reverse.put(payload, type));
    this.types = Collections.unmodifiableMap(reverse);
  }

  /** A copy that also knows {@code type}; refuses a type or record registered twice. */
  public EventTypes with(String type, Class<? extends Record> payload) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(payload, "payload");
    if (!TYPE.matcher(type).matches()) {
      throw new IllegalArgumentException(
          "Event type '" + type + "' is not of the form aggregate.what-happened");
    }
    if (payloads.containsKey(type) || types.containsKey(payload)) {
      throw new IllegalArgumentException(
          "Event type '"
              + type
              + "' or its payload "
              + payload.getSimpleName()
              + " is registered already");
    }
    Map<String, Class<? extends Record>> more = new LinkedHashMap<>(payloads);
    more.put(type, payload);
    return new EventTypes(more);
  }

  public boolean knows(String type) {
    return payloads.containsKey(type);
  }

  /** The record a payload of this type is read into. */
  public Class<? extends Record> payloadOf(String type) {
    Class<? extends Record> payload = payloads.get(type);
    if (payload == null) {
      throw new UnknownEventTypeException(type);
    }
    return payload;
  }

  /** The type string of a payload record. */
  public String typeOf(Class<?> payload) {
    String type = types.get(payload);
    if (type == null) {
      throw new IllegalArgumentException(payload.getName() + " is not a registered event payload");
    }
    return type;
  }

  public Set<String> types() {
    return payloads.keySet();
  }

  /** The aggregate stream of a type: {@code ticket} for {@code ticket.created}. */
  public static String streamOf(String type) {
    int dot = type.indexOf('.');
    return dot < 0 ? type : type.substring(0, dot);
  }

  /**
   * A type string no payload is registered for: the event comes from a newer or foreign publisher.
   */
  public static final class UnknownEventTypeException extends RuntimeException {

    public UnknownEventTypeException(String type) {
      super("Unknown event type '" + type + "'");
    }
  }
}
