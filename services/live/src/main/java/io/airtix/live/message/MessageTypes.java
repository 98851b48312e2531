package io.airtix.live.message;

/**
 * The types of the messages the live service sends, by channel. They are the protocol: a type is
 * never renamed (docs/live-updates.md).
 */
public final class MessageTypes {

  // the public catalogue
  public static final String TICKET_PUBLISHED = "ticket.published";
  public static final String TICKET_CHANGED = "ticket.changed";
  public static final String TICKET_WITHDRAWN = "ticket.withdrawn";
  public static final String TICKET_HELD = "ticket.held";
  public static final String TICKET_RELEASED = "ticket.released";
  public static final String TICKET_SOLD = "ticket.sold";

  // a customer's orders and payments
  public static final String ORDER_HELD = "order.held";
  public static final String ORDER_HOLD_ENDING = "order.hold-ending";
  public static final String ORDER_EXPIRED = "order.expired";
  public static final String ORDER_CANCELLED = "order.cancelled";
  public static final String ORDER_AWAITING_PAYMENT = "order.awaiting-payment";
  public static final String PAYMENT_SUCCEEDED = "payment.succeeded";
  public static final String PAYMENT_FAILED = "payment.failed";
  public static final String ORDER_REFUNDED = "order.refunded";

  // an airline's staff receive the backbone's own event types (ticket.created, order.created,
  // payment.started, payment.succeeded, ...)

  // about the connection itself; they carry no position
  public static final String WELCOME = "welcome";
  public static final String SUBSCRIBED = "subscribed";
  public static final String AUTHENTICATED = "authenticated";
  public static final String RESYNC = "resync";
  public static final String ERROR = "error";
  public static final String GOODBYE = "goodbye";

  private MessageTypes() {}
}
