package io.airtix.payments.payment;

import io.airtix.payments.orderreplica.ReplicatedOrder;
import io.airtix.payments.orderreplica.ReplicatedOrders;
import io.airtix.payments.payment.OrderNotPayableException.Reason;
import io.airtix.payments.provider.PaymentProvider;
import io.airtix.payments.provider.ProviderEvent;
import io.airtix.payments.provider.ProviderEvent.Outcome;
import io.airtix.payments.provider.ProviderIntent;
import io.airtix.platform.authorization.AccessPolicy;
import io.airtix.platform.messaging.Outbox;
import io.airtix.platform.problem.AirlineNotFoundException;
import io.airtix.platform.security.AirtixPrincipal;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Customers pay their orders and see their payments; airline staff see their airline's payments.
 *
 * <p>Starting a payment asks the provider for the order's intent before anything is written, and no
 * transaction is open meanwhile: a provider that cannot be reached leaves nothing behind (503), and
 * asking again is safe because the intent's idempotency key is derived from the order.
 */
@Service
class Payments {

  static final String RESOURCE = "payments";

  private static final Logger log = LoggerFactory.getLogger(Payments.class);

  // Newest first; the id breaks ties between payments of the same instant so paging is stable
  private static final Sort NEWEST_FIRST =
      Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));

  private final PaymentRepository payments;
  private final ReplicatedOrders orders;
  private final PaymentProvider provider;
  private final PaymentOutcomes outcomes;
  private final AccessPolicy access;
  private final Outbox outbox;
  private final TransactionTemplate transaction;
  private final TransactionTemplate readOnly;
  private final Clock clock;

  Payments(
      PaymentRepository payments,
      ReplicatedOrders orders,
      PaymentProvider provider,
      PaymentOutcomes outcomes,
      AccessPolicy access,
      Outbox outbox,
      PlatformTransactionManager transactions,
      Clock clock) {
    this.payments = payments;
    this.orders = orders;
    this.provider = provider;
    this.outcomes = outcomes;
    this.access = access;
    this.outbox = outbox;
    this.transaction = new TransactionTemplate(transactions);
    this.readOnly = new TransactionTemplate(transactions);
    this.readOnly.setReadOnly(true);
    this.clock = clock;
  }

  /** A payment answer, and whether this request created the payment (201) or found it (200). */
  record Started(PaymentResponse payment, boolean created) {}

  /**
   * Starts (or resumes) paying the caller's order: the first request creates the payment and its
   * intent, a repeat while it is pending returns the same, a request after a failure starts the
   * next attempt on the same intent.
   *
   * @throws OrderNotFoundException not the caller's order, or not known here (yet)
   * @throws OrderNotPayableException cancelled, completed, expired or paid already
   */
  Started start(AirtixPrincipal caller, UUID orderId) {
    access.requireSomewhere(caller, "pay", RESOURCE);
    ReplicatedOrder order =
        orders
            .find(orderId)
            .filter(known -> known.ownedBy(caller.userId()))
            .orElseThrow(() -> new OrderNotFoundException(orderId));
    Started existing = transaction.execute(status -> resume(order));
    if (existing != null) {
      return existing;
    }
    requirePayable(order);
    UUID paymentId = Payment.idFor(orderId);
    ProviderIntent intent =
        provider.createIntent(
            paymentId, orderId, order.airline(), order.amount(), order.currency());
    try {
      return transaction.execute(
          status -> {
            Payment payment =
                payments.saveAndFlush(new Payment(order, provider.name(), intent, clock.instant()));
            outbox.publish(payment.started());
            log.info(
                "Payment {} of order {} started ({}, intent {})",
                payment.id(),
                orderId,
                provider.name(),
                intent.id());
            return new Started(PaymentResponse.forCustomer(payment), true);
          });
    } catch (DataIntegrityViolationException ex) {
      // a concurrent first request for the same order won; the provider gave both the same intent
      return transaction.execute(status -> resume(order));
    }
  }

  // An existing payment: the same while pending, the next attempt after a failure, 409 once paid,
  // cancelled or ended
  private Started resume(ReplicatedOrder order) {
    Payment payment = payments.findByOrderId(order.id()).orElse(null);
    if (payment == null) {
      return null;
    }
    if (payment.status().paid()) {
      throw new OrderNotPayableException(order.id(), Reason.PAID);
    }
    if (payment.status() == PaymentStatus.PENDING || payment.status() == PaymentStatus.CANCELLED) {
      // past the hold a pending payment is still good until the payment window closes: the orders
      // service keeps the order while it is under way; a cancelled one ended with its order
      requireNotEnded(order);
    }
    if (payment.status() == PaymentStatus.FAILED) {
      requirePayable(order);
      payment.retry(clock.instant());
      payment = payments.saveAndFlush(payment);
      outbox.publish(payment.started());
      log.info(
          "Payment {} of order {}: attempt {} ({})",
          payment.id(),
          order.id(),
          payment.attempt(),
          payment.provider());
    }
    return new Started(PaymentResponse.forCustomer(payment), false);
  }

  private void requirePayable(ReplicatedOrder order) {
    requireNotEnded(order);
    if (order.expiredAt(clock.instant())) {
      throw new OrderNotPayableException(order.id(), Reason.EXPIRED);
    }
  }

  private static void requireNotEnded(ReplicatedOrder order) {
    if (order.cancelled()) {
      throw new OrderNotPayableException(order.id(), Reason.CANCELLED);
    }
    if (order.completed()) {
      throw new OrderNotPayableException(order.id(), Reason.COMPLETED);
    }
  }

  /**
   * The simulated provider's answer to the customer's confirmation, applied exactly as Stripe's
   * webhook would be.
   *
   * @throws PaymentNotConfirmableException a Stripe payment, or one that is not pending
   */
  PaymentResponse confirmSimulated(AirtixPrincipal caller, UUID id, Outcome outcome) {
    access.requireSomewhere(caller, "pay", RESOURCE);
    Payment payment = readOnly.execute(status -> ownPayment(caller, id));
    if (!payment.simulated()) {
      throw new PaymentNotConfirmableException(id, "it is a Stripe payment, confirmed at Stripe.");
    }
    if (payment.status() != PaymentStatus.PENDING) {
      throw new PaymentNotConfirmableException(id, "it is " + payment.status() + ", not PENDING.");
    }
    Instant now = clock.instant();
    String reportId = "sim_evt_" + UUID.randomUUID().toString().replace("-", "");
    ProviderEvent report =
        outcome == Outcome.SUCCEEDED
            ? new ProviderEvent(
                reportId, outcome, payment.intentId(), now, "sim_ch_" + reportId.substring(8), null)
            : new ProviderEvent(
                reportId, outcome, payment.intentId(), now, null, "Simulated card declined.");
    log.info("SIMULATED confirmation of payment {}: {}", id, outcome);
    outcomes.apply(report);
    return readOnly.execute(status -> PaymentResponse.forCustomer(ownPayment(caller, id)));
  }

  PaymentResponse find(AirtixPrincipal caller, UUID id) {
    access.requireSomewhere(caller, "read-own", RESOURCE);
    return readOnly.execute(status -> PaymentResponse.forCustomer(ownPayment(caller, id)));
  }

  /** The caller's own payments, newest first. */
  PaymentPage mine(AirtixPrincipal caller, int page, int size) {
    access.requireSomewhere(caller, "read-own", RESOURCE);
    return readOnly.execute(
        status ->
            PaymentPage.from(
                payments.findByCustomerId(
                    caller.userId(), PageRequest.of(page, size, NEWEST_FIRST)),
                PaymentResponse::forCustomer));
  }

  /**
   * An airline's payments for its staff: 403 for callers who read payments nowhere, 404 for another
   * airline's.
   */
  PaymentPage ofAirline(AirtixPrincipal caller, String airline, int page, int size) {
    access.requireOnObject(
        caller, "read", RESOURCE, airline, () -> new AirlineNotFoundException(airline));
    return readOnly.execute(
        status ->
            PaymentPage.from(
                payments.findByAirline(airline, PageRequest.of(page, size, NEWEST_FIRST)),
                PaymentResponse::forStaff));
  }

  // Somebody else's payment is as unknown as a payment that does not exist
  private Payment ownPayment(AirtixPrincipal caller, UUID id) {
    return payments
        .findById(id)
        .filter(payment -> payment.ownedBy(caller.userId()))
        .orElseThrow(() -> new PaymentNotFoundException(id));
  }
}
