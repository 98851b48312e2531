package io.airtix.orders.reservation;

import io.airtix.events.orders.OrderAwaitingPayment;
import io.airtix.events.orders.OrderCancelled;
import io.airtix.events.orders.OrderCompleted;
import io.airtix.events.orders.OrderCreated;
import io.airtix.events.orders.OrderPaymentFailed;
import io.airtix.events.orders.OrderRefunded;
import io.airtix.platform.sqlite.TwoDecimalAmount;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A customer's reservation of one ticket, at the price the customer saw. Its transitions guard
 * themselves (see {@link OrderStatus}); each is a new version and publishes exactly one event.
 */
// "Order" is a keyword in JPQL as in SQL: another entity name keeps the generated queries
// unambiguous
@Entity(name = "CustomerOrder")
@Table(name = "orders")
class Order {

  @Id
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(length = 36)
  private UUID id;

  // Null until first persisted, which tells Spring Data the order is new despite its assigned id
  @Version private Long version;

  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(length = 36)
  private UUID ticketId;

  // The ticket's version the customer agreed to; null for orders made before it was recorded
  private Long ticketVersion;

  private String airline;
  private String customerId;

  @Convert(converter = TwoDecimalAmount.class)
  private BigDecimal price;

  private String currency;

  @Enumerated(EnumType.STRING)
  private OrderStatus status;

  @Enumerated(EnumType.STRING)
  private CancellationReason cancellationReason;

  private Instant createdAt;
  private Instant expiresAt;
  private Instant updatedAt;
  private Instant refundedAt;

  protected Order() {}

  Order(
      UUID id,
      UUID ticketId,
      long ticketVersion,
      String airline,
      String customerId,
      BigDecimal price,
      String currency,
      Instant now,
      Instant expiresAt) {
    this.id = id;
    this.ticketId = ticketId;
    this.ticketVersion = ticketVersion;
    this.airline = airline;
    this.customerId = customerId;
    this.price = price.setScale(2, RoundingMode.HALF_EVEN);
    this.currency = currency;
    this.status = OrderStatus.CREATED;
    this.createdAt = now;
    this.expiresAt = expiresAt;
    this.updatedAt = now;
  }

  /**
   * The customer gives the ticket back; only an order whose payment has not started can be
   * cancelled.
   */
  void cancel(Instant now) {
    if (status != OrderStatus.CREATED) {
      throw new OrderNotCancellableException(id, status);
    }
    end(CancellationReason.CUSTOMER, now);
  }

  /**
   * The hold ran out. An order being paid or paid is kept (the payment decides), one already
   * cancelled stays so.
   *
   * @return whether the order was cancelled now
   */
  boolean expire(Instant now) {
    if (status != OrderStatus.CREATED) {
      return false;
    }
    end(CancellationReason.EXPIRED, now);
    return true;
  }

  /**
   * The payment window closed: an order still unpaid ends now, whatever its payment does (a success
   * that comes later is refunded by the payments service).
   *
   * @return whether the order was cancelled now
   */
  boolean closePaymentWindow(Instant now) {
    if (status != OrderStatus.CREATED && status != OrderStatus.AWAITING_PAYMENT) {
      return false;
    }
    end(
        status == OrderStatus.CREATED ? CancellationReason.EXPIRED : CancellationReason.UNPAID,
        now);
    return true;
  }

  /**
   * The catalogue will not honour the order: its ticket changed after the customer saw it, or is
   * gone. The order ends whatever its payment did; a payment that went through is refunded by the
   * payments service, as for any cancelled order.
   *
   * @return whether the order was cancelled now (false when it had ended already)
   */
  boolean refuse(CancellationReason reason, Instant now) {
    if (status == OrderStatus.CANCELLED) {
      return false;
    }
    end(reason, now);
    return true;
  }

  /** Payment started: the hold's expiry leaves the order alone; the payment window does not. */
  void awaitPayment(Instant now) {
    require(OrderStatus.CREATED, OrderStatus.AWAITING_PAYMENT);
    this.status = OrderStatus.AWAITING_PAYMENT;
    this.updatedAt = now;
  }

  /** Paid: the ticket is sold. */
  void complete(Instant now) {
    require(OrderStatus.AWAITING_PAYMENT, OrderStatus.COMPLETED);
    this.status = OrderStatus.COMPLETED;
    this.updatedAt = now;
  }

  /**
   * The payment failed: the order holds its ticket again only until its deadline, and the customer
   * may try again until then; an order past its deadline is then expired by {@link #expire}.
   */
  void failPayment(Instant now) {
    require(OrderStatus.AWAITING_PAYMENT, OrderStatus.CREATED);
    this.status = OrderStatus.CREATED;
    this.updatedAt = now;
  }

  /** The payment of this cancelled order succeeded nevertheless and went back to the customer. */
  void refund(Instant now) {
    require(OrderStatus.CANCELLED, OrderStatus.CANCELLED);
    if (refundedAt != null) {
      throw new IllegalStateException("Order " + id + " was refunded already");
    }
    this.refundedAt = now;
    this.updatedAt = now;
  }

  boolean pastDeadline(Instant now) {
    return !now.isBefore(expiresAt);
  }

  private void end(CancellationReason reason, Instant now) {
    this.status = OrderStatus.CANCELLED;
    this.cancellationReason = reason;
    this.updatedAt = now;
  }

  // Payment steps arrive as events of other services, never from a customer: a wrong state is a
  // bug, not a 409
  private void require(OrderStatus from, OrderStatus to) {
    if (status != from) {
      throw new IllegalStateException("Order " + id + " cannot go from " + status + " to " + to);
    }
  }

  boolean ownedBy(String userId) {
    return customerId.equals(userId);
  }

  UUID id() {
    return id;
  }

  long version() {
    return version == null ? 0 : version;
  }

  UUID ticketId() {
    return ticketId;
  }

  Long ticketVersion() {
    return ticketVersion;
  }

  String airline() {
    return airline;
  }

  String customerId() {
    return customerId;
  }

  BigDecimal price() {
    return price;
  }

  String currency() {
    return currency;
  }

  OrderStatus status() {
    return status;
  }

  CancellationReason cancellationReason() {
    return cancellationReason;
  }

  Instant createdAt() {
    return createdAt;
  }

  Instant expiresAt() {
    return expiresAt;
  }

  Instant refundedAt() {
    return refundedAt;
  }

  OrderCreated created() {
    return new OrderCreated(
        id, version(), ticketId, airline, customerId, price(), currency, expiresAt, ticketVersion);
  }

  OrderCancelled cancelled() {
    return new OrderCancelled(
        id, version(), ticketId, airline, customerId, cancellationReason.name());
  }

  OrderCompleted completed() {
    return new OrderCompleted(id, version(), ticketId, airline, customerId, ticketVersion);
  }

  OrderAwaitingPayment awaitingPayment(UUID paymentId) {
    return new OrderAwaitingPayment(id, version(), ticketId, airline, customerId, paymentId);
  }

  OrderPaymentFailed paymentFailed(UUID paymentId) {
    return new OrderPaymentFailed(id, version(), ticketId, airline, customerId, paymentId);
  }

  OrderRefunded refunded(UUID paymentId, String refundId) {
    return new OrderRefunded(id, version(), ticketId, airline, customerId, paymentId, refundId);
  }
}
