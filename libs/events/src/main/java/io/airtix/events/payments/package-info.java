/**
 * Events of the payments service, one aggregate stream {@code payment} per payment (one payment per
 * order, whatever the number of attempts). Every version change of a payment publishes exactly one
 * of these events: {@code payment.started} (version 0, and again for each new attempt after a
 * failure), {@code payment.failed}, {@code payment.succeeded} ({@link
 * io.airtix.events.payments.ChargeCreated}: the money is taken) and {@code payment.refunded} (the
 * money went back, e.g. because the order had been cancelled meanwhile). Amounts are decimal
 * amounts in the currency's major unit, as the order was reserved.
 */
package io.airtix.events.payments;
