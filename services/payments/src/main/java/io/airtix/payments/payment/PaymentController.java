package io.airtix.payments.payment;

import io.airtix.platform.apidocs.Answers;
import io.airtix.platform.apidocs.ProblemResponse;
import io.airtix.platform.security.AirtixPrincipal;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** A customer's own payments. */
@RestController
@RequestMapping("/api/payments")
class PaymentController {

  private final Payments payments;

  PaymentController(Payments payments) {
    this.payments = payments;
  }

  /** 201 with the new payment and its client secret; 200 with the existing one when asked again. */
  @PostMapping
  @Answers(status = 201, description = "The new payment; Location names its address.")
  @Answers(status = 200, description = "The payment started before for this order.")
  @ProblemResponse(status = 404, description = "No order of the caller's with that id.")
  @ProblemResponse(status = 409, description = "The order cannot be paid (ended, or paid).")
  @ProblemResponse(
      status = 503,
      description = "Tokens cannot be checked, or the payment provider does not answer; retry.")
  ResponseEntity<PaymentResponse> start(
      AirtixPrincipal caller, @Valid @RequestBody StartPaymentRequest request) {
    Payments.Started started = payments.start(caller, request.orderId());
    if (!started.created()) {
      return ResponseEntity.ok(started.payment());
    }
    URI location =
        ServletUriComponentsBuilder.fromCurrentRequestUri()
            .path("/{id}")
            .buildAndExpand(started.payment().id())
            .toUri();
    return ResponseEntity.created(location).body(started.payment());
  }

  @GetMapping
  PaymentPage mine(
      AirtixPrincipal caller,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
    return payments.mine(caller, page, size);
  }

  @GetMapping("/{id}")
  PaymentResponse find(AirtixPrincipal caller, @PathVariable UUID id) {
    return payments.find(caller, id);
  }
}
