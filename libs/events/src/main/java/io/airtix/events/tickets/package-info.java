/**
 * Events of the tickets service. Prices are decimal amounts in the currency's major unit; times
 * are UTC instants; cabin is one of ECONOMY, PREMIUM_ECONOMY, BUSINESS, FIRST.
 */
package io.airtix.events.tickets;
