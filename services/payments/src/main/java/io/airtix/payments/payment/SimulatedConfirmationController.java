package io.airtix.payments.payment;

import io.airtix.payments.provider.SimulatedPayments;
import io.airtix.platform.apidocs.ProblemResponse;
import io.airtix.platform.security.AirtixPrincipal;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.context.annotation.Conditional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a web client calls instead of Stripe.js when payments are simulated. The endpoint exists
 * only then: while Stripe takes the money, nobody can confirm a payment here.
 */
@RestController
@RequestMapping("/api/payments")
@Conditional(SimulatedPayments.class)
class SimulatedConfirmationController {

  private final Payments payments;

  SimulatedConfirmationController(Payments payments) {
    this.payments = payments;
  }

  @PostMapping("/{id}/simulated-confirmation")
  @ProblemResponse(status = 409, description = "The payment cannot be confirmed any more.")
  PaymentResponse confirm(
      AirtixPrincipal caller,
      @PathVariable UUID id,
      @Valid @RequestBody SimulatedConfirmation confirmation) {
    return payments.confirmSimulated(caller, id, confirmation.outcome());
  }
}
