package io.airtix.payments.payment;

import io.airtix.payments.orderreplica.ReplicatedOrders;
import io.airtix.payments.provider.PaymentProvider;
import io.airtix.payments.provider.ProviderEvent;
import io.airtix.platform.messaging.Outbox;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies what the provider reports (Stripe's webhook, or a simulated confirmation), refunds
 * payments whose order was cancelled before the money came in, and cancels the intents of orders
 * that ended unpaid.
 *
 * <p>Each report is applied at most once: its id is recorded in the same transaction as its effect,
 * first, so a concurrent delivery of the same report waits for this one and then fails on the id.
 * Reports arrive in any order and any number of times; the payment's transitions ignore what is
 * late or repeated, so a payment changes state exactly once per real change.
 */
@Service
@Transactional
public class PaymentOutcomes {

  /** What became of a report. */
  public enum Applied {
    /** It changed the payment. */
    CHANGED,
    /** Seen before (same event id): nothing done. */
    DUPLICATE,
    /** Late, repeated in substance, or about an intent that is not ours: nothing changed. */
    IGNORED
  }

  private static final Logger log = LoggerFactory.getLogger(PaymentOutcomes.class);

  private final PaymentRepository payments;
  private final ProviderEventRepository seen;
  private final ReplicatedOrders orders;
  private final PaymentProvider provider;
  private final Outbox outbox;
  private final Clock clock;
  private final Counter paymentsSucceeded;
  private final Counter paymentsFailed;
  private final Counter refundsMade;
  private final Counter refundsFailed;

  PaymentOutcomes(
      PaymentRepository payments,
      ProviderEventRepository seen,
      ReplicatedOrders orders,
      PaymentProvider provider,
      Outbox outbox,
      Clock clock,
      MeterRegistry meters) {
    this.payments = payments;
    this.seen = seen;
    this.orders = orders;
    this.provider = provider;
    this.outbox = outbox;
    this.clock = clock;
    // registered at start, so Prometheus sees every outcome before the first one happens
    this.paymentsSucceeded = outcome(meters, "airtix.payments", "succeeded");
    this.paymentsFailed = outcome(meters, "airtix.payments", "failed");
    this.refundsMade = outcome(meters, "airtix.payments.refunds", "refunded");
    this.refundsFailed = outcome(meters, "airtix.payments.refunds", "failed");
  }

  private static Counter outcome(MeterRegistry meters, String name, String outcome) {
    return Counter.builder(name)
        .description("Payment attempts and refunds by what the provider made of them")
        .tag("outcome", outcome)
        .register(meters);
  }

  /**
   * @throws org.springframework.dao.DataIntegrityViolationException the same report is being
   *     applied concurrently
   * @throws io.airtix.payments.provider.PaymentProviderUnavailableException a refund that is due
   *     could not be made: nothing is recorded, so the provider's next delivery tries again
   */
  public Applied apply(ProviderEvent report) {
    if (seen.existsById(report.id())) {
      log.info(
          "{} event {} for intent {} seen before; ignored",
          provider.name(),
          report.id(),
          report.intentId());
      return Applied.DUPLICATE;
    }
    seen.saveAndFlush(
        new ProviderEventRecord(report.id(), report.outcome().name(), clock.instant()));
    Payment payment = payments.findByIntentId(report.intentId()).orElse(null);
    if (payment == null) {
      log.warn(
          "{} event {} is about intent {}, which is no payment of ours; ignored",
          provider.name(),
          report.id(),
          report.intentId());
      return Applied.IGNORED;
    }
    boolean changed =
        switch (report.outcome()) {
          case SUCCEEDED -> succeeded(payment, report);
          case FAILED -> failed(payment, report);
        };
    return changed ? Applied.CHANGED : Applied.IGNORED;
  }

  /**
   * The order was cancelled: a payment that succeeded anyway goes back to the customer, and an
   * intent still open is cancelled at the provider, so nobody pays for a ticket that went back on
   * sale (an intent paid meanwhile is refunded when its success arrives).
   */
  public void settleCancelledOrder(UUID orderId) {
    payments
        .findByOrderId(orderId)
        .ifPresent(
            payment -> {
              if (payment.refundable()) {
                refund(payment);
              } else if (payment.cancellable()) {
                cancel(payment);
              }
            });
  }

  private boolean succeeded(Payment payment, ProviderEvent report) {
    if (!payment.succeed(report.chargeId(), clock.instant())) {
      log.info(
          "Payment {} is {} already; success report {} ignored",
          payment.id(),
          payment.status(),
          report.id());
      return false;
    }
    Payment charged = payments.saveAndFlush(payment);
    outbox.publish(charged.charged());
    paymentsSucceeded.increment();
    log.info(
        "Payment {} of order {} succeeded ({}, charge {})",
        charged.id(),
        charged.orderId(),
        charged.provider(),
        charged.chargeId());
    boolean orderCancelled =
        orders.find(charged.orderId()).map(order -> order.cancelled()).orElse(false);
    if (orderCancelled) {
      refund(charged);
    }
    return true;
  }

  private boolean failed(Payment payment, ProviderEvent report) {
    if (!payment.fail(report.failureReason(), report.created(), clock.instant())) {
      log.info(
          "Payment {} is {} (attempt {}); failure report {} ignored",
          payment.id(),
          payment.status(),
          payment.attempt(),
          report.id());
      return false;
    }
    Payment failed = payments.saveAndFlush(payment);
    outbox.publish(failed.failed());
    paymentsFailed.increment();
    log.info(
        "Payment {} of order {} failed at attempt {} ({}): {}",
        failed.id(),
        failed.orderId(),
        failed.attempt(),
        failed.provider(),
        failed.failureReason());
    return true;
  }

  private void cancel(Payment payment) {
    if (!provider.cancelIntent(payment.id(), payment.intentId())) {
      return;
    }
    payment.cancelled(clock.instant());
    payments.saveAndFlush(payment);
    log.info(
        "Payment {} of cancelled order {} cancelled ({})",
        payment.id(),
        payment.orderId(),
        payment.provider());
  }

  private void refund(Payment payment) {
    log.info(
        "Order {} was cancelled before its payment {} succeeded: refunding ({})",
        payment.orderId(),
        payment.id(),
        payment.provider());
    String refundId;
    try {
      refundId = provider.refund(payment.id(), payment.intentId());
    } catch (RuntimeException refused) {
      // the caller rolls back and the refund is asked for again; the alert counts each failure
      refundsFailed.increment();
      throw refused;
    }
    payment.refunded(refundId, clock.instant());
    Payment refunded = payments.saveAndFlush(payment);
    outbox.publish(refunded.refundedEvent());
    refundsMade.increment();
  }
}
