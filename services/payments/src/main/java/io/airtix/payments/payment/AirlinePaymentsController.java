package io.airtix.payments.payment;

import io.airtix.platform.security.AirtixPrincipal;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An airline's payments, for its staff who may read them (agents, auditors, tenant admins), never
 * with a client secret.
 */
@RestController
class AirlinePaymentsController {

  private final Payments payments;

  AirlinePaymentsController(Payments payments) {
    this.payments = payments;
  }

  @GetMapping("/api/airlines/{airline}/payments")
  PaymentPage ofAirline(
      AirtixPrincipal caller,
      @PathVariable String airline,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
    return payments.ofAirline(caller, airline, page, size);
  }
}
