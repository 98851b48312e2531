package io.airtix.orders.reservation;

import io.airtix.platform.messaging.Outbox;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the payments service's events do to orders. Each step changes the order only from the state
 * it expects and publishes one event per version change; anything else is logged and left alone,
 * because the payment's events arrive in order and the state the order is in then is the answer (an
 * order cancelled before its payment started stays cancelled, and the payments service refunds a
 * payment that succeeds anyway).
 */
@Service
@Transactional
public class OrderPayments {

  private static final Logger log = LoggerFactory.getLogger(OrderPayments.class);

  private final OrderRepository orders;
  private final Outbox outbox;
  private final Clock clock;

  OrderPayments(OrderRepository orders, Outbox outbox, Clock clock) {
    this.orders = orders;
    this.outbox = outbox;
    this.clock = clock;
  }

  /** A payment attempt started: the hold no longer expires. */
  public void started(UUID orderId, UUID paymentId) {
    withOrder(
        orderId,
        "payment started",
        order -> {
          if (order.status() != OrderStatus.CREATED) {
            log.info(
                "Payment {} started while order {} is {}; kept as it is",
                paymentId,
                orderId,
                order.status());
            return;
          }
          awaitPayment(order, paymentId);
        });
  }

  /**
   * The attempt failed: the order holds its ticket again until its deadline, or is expired now if
   * that passed.
   */
  public void failed(UUID orderId, UUID paymentId) {
    withOrder(
        orderId,
        "payment failed",
        order -> {
          if (order.status() != OrderStatus.AWAITING_PAYMENT) {
            log.info(
                "Payment {} failed while order {} is {}; kept as it is",
                paymentId,
                orderId,
                order.status());
            return;
          }
          order.failPayment(clock.instant());
          Order waiting = orders.saveAndFlush(order);
          outbox.publish(waiting.paymentFailed(paymentId));
          // the deadline fired while the payment was under way and was ignored then: it applies now
          if (waiting.pastDeadline(clock.instant()) && waiting.expire(clock.instant())) {
            outbox.publish(orders.saveAndFlush(waiting).cancelled());
            log.info(
                "Order {} expired: its payment {} failed after the deadline", orderId, paymentId);
          }
        });
  }

  /** Paid: the order is completed and its ticket sold. */
  public void succeeded(UUID orderId, UUID paymentId) {
    withOrder(
        orderId,
        "payment succeeded",
        order -> {
          if (order.status() == OrderStatus.CREATED) {
            // an earlier attempt succeeded after a later report of failure had given the order back
            // its hold
            awaitPayment(order, paymentId);
          }
          if (order.status() != OrderStatus.AWAITING_PAYMENT) {
            log.info(
                "Payment {} succeeded while order {} is {}; the payments service refunds a cancelled order's",
                paymentId,
                orderId,
                order.status());
            return;
          }
          order.complete(clock.instant());
          outbox.publish(orders.saveAndFlush(order).completed());
        });
  }

  /** The payment of a cancelled order was refunded: the customer's order says so. */
  public void refunded(UUID orderId, UUID paymentId, String refundId) {
    withOrder(
        orderId,
        "payment refunded",
        order -> {
          if (order.status() != OrderStatus.CANCELLED || order.refundedAt() != null) {
            log.warn(
                "Payment {} refunded while order {} is {} (refunded at {}); kept as it is",
                paymentId,
                orderId,
                order.status(),
                order.refundedAt());
            return;
          }
          order.refund(clock.instant());
          outbox.publish(orders.saveAndFlush(order).refunded(paymentId, refundId));
        });
  }

  private void awaitPayment(Order order, UUID paymentId) {
    order.awaitPayment(clock.instant());
    outbox.publish(orders.saveAndFlush(order).awaitingPayment(paymentId));
  }

  private void withOrder(UUID orderId, String what, Consumer<Order> change) {
    orders
        .findById(orderId)
        .ifPresentOrElse(
            change,
            () -> log.warn("{} for order {}, which is unknown here; ignored", what, orderId));
  }
}
