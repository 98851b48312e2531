/**
 * Events of the tickets service. Prices are decimal amounts in the currency's major unit; times are
 * UTC instants; cabin is one of ECONOMY, PREMIUM_ECONOMY, BUSINESS, FIRST; status is one of
 * AVAILABLE, RESERVED, SOLD. Every change of a ticket's version publishes one of these events, so a
 * consumer that applies version N+1 only after N never waits for a version that has no event.
 */
package io.airtix.events.tickets;
