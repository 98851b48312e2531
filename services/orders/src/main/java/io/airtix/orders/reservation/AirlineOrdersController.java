package io.airtix.orders.reservation;

import io.airtix.platform.security.AirtixPrincipal;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** An airline's orders, for its staff who may read them (agents, auditors, tenant admins). */
@RestController
class AirlineOrdersController {

  private final Reservations reservations;

  AirlineOrdersController(Reservations reservations) {
    this.reservations = reservations;
  }

  @GetMapping("/api/airlines/{airline}/orders")
  OrderPage ofAirline(
      AirtixPrincipal caller,
      @PathVariable String airline,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
    return reservations.ofAirline(caller, airline, page, size);
  }
}
