package io.airtix.payments.orderreplica;

import io.airtix.events.orders.OrderCancelled;
import io.airtix.events.orders.OrderCompleted;
import io.airtix.events.orders.OrderCreated;
import io.airtix.platform.sqlite.TwoDecimalAmount;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * The payments service's copy of one order, as the orders service's events described it. Written
 * only through {@link ReplicatedOrders}; {@code version} is the orders service's, not an optimistic
 * lock of ours.
 */
@Entity
@Table(name = "order_replica")
class OrderReplica {

  @Id
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(length = 36)
  private UUID id;

  private long version;

  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(length = 36)
  private UUID ticketId;

  private String airline;
  private String customerId;

  @Convert(converter = TwoDecimalAmount.class)
  private BigDecimal amount;

  private String currency;
  private String status;
  private Instant expiresAt;

  protected OrderReplica() {}

  OrderReplica(OrderCreated created) {
    this.id = created.orderId();
    this.version = created.version();
    this.ticketId = created.ticketId();
    this.airline = created.airline();
    this.customerId = created.customerId();
    this.amount = created.price().setScale(2, RoundingMode.HALF_EVEN);
    this.currency = created.currency();
    this.status = ReplicatedOrder.CREATED;
    this.expiresAt = created.expiresAt();
  }

  /**
   * An order first heard of through its end: nobody can pay it, so who and how much do not matter.
   */
  OrderReplica(UUID id, long version, UUID ticketId, String airline, String status) {
    this.id = id;
    this.version = version;
    this.ticketId = ticketId;
    this.airline = airline;
    this.status = status;
  }

  void apply(OrderCancelled cancelled) {
    this.version = cancelled.version();
    this.status = ReplicatedOrder.CANCELLED;
  }

  void apply(OrderCompleted completed) {
    this.version = completed.version();
    this.status = ReplicatedOrder.COMPLETED;
  }

  ReplicatedOrder view() {
    return new ReplicatedOrder(
        id, version, ticketId, airline, customerId, amount, currency, status, expiresAt);
  }
}
