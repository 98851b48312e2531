package io.airtix.orders.reservation;

import io.airtix.platform.security.AirtixPrincipal;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Callers of the service layer, as their tokens would describe them. */
final class Customers {

  private Customers() {}

  static AirtixPrincipal newCustomer() {
    String id = UUID.randomUUID().toString();
    return new AirtixPrincipal(
        id,
        "customer-" + id.substring(0, 8),
        null,
        null,
        Set.of(AirtixPrincipal.CUSTOMER),
        Map.of());
  }

  static AirtixPrincipal staff(String airline, String role) {
    String id = UUID.randomUUID().toString();
    return new AirtixPrincipal(
        id, airline + "-" + role, null, null, Set.of(), Map.of(airline, Set.of(role)));
  }
}
