/**
 * Events of the reservation stream: the catalogue's answer to an order it cannot honour. Published
 * by the tickets service, keyed by the order; prices are decimal amounts in the currency's major
 * unit.
 */
package io.airtix.events.reservations;
