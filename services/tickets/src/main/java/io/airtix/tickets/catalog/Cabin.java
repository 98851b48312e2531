package io.airtix.tickets.catalog;

enum Cabin {
  ECONOMY,
  PREMIUM_ECONOMY,
  BUSINESS,
  FIRST
}
