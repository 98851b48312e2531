/**
 * Events of the orders service, one aggregate stream {@code order} per order. Prices are decimal
 * amounts in the currency's major unit; times are UTC instants. The orders service publishes {@code
 * order.created}, {@code order.awaiting-payment}, {@code order.payment-failed}, {@code
 * order.cancelled}, {@code order.completed} and {@code order.refunded}, one per version change of
 * an order; {@code order.expired} is the expiration service's word that an order's hold ran out,
 * which the orders service applies (or not: an order being paid or paid is kept).
 */
package io.airtix.events.orders;
