package io.airtix.tickets.catalog;

/** AVAILABLE until an order holds it (RESERVED), SOLD once paid. Orders drive the transitions. */
enum TicketStatus {
  AVAILABLE,
  RESERVED,
  SOLD
}
