package io.airtix.orders.reservation;

import io.airtix.platform.apidocs.Answers;
import io.airtix.platform.apidocs.ProblemResponse;
import io.airtix.platform.security.AirtixPrincipal;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** A customer's own orders. */
@RestController
@RequestMapping("/api/orders")
class ReservationController {

  private final Reservations reservations;

  ReservationController(Reservations reservations) {
    this.reservations = reservations;
  }

  @PostMapping
  @Answers(status = 201, description = "The order, holding the ticket; Location names its address.")
  @ProblemResponse(status = 404, description = "No ticket with that id.")
  @ProblemResponse(
      status = 409,
      description =
          "The ticket is held or sold, its price changed (the problem carries the current price),"
              + " or the customer holds as many tickets as one may at once.")
  @ProblemResponse(status = 429, description = "Too many reservations; Retry-After says when.")
  ResponseEntity<OrderResponse> reserve(
      AirtixPrincipal caller, @Valid @RequestBody ReserveTicketRequest request) {
    OrderResponse order = reservations.reserve(caller, request);
    URI location =
        ServletUriComponentsBuilder.fromCurrentRequestUri()
            .path("/{id}")
            .buildAndExpand(order.id())
            .toUri();
    return ResponseEntity.created(location).body(order);
  }

  @GetMapping
  OrderPage mine(
      AirtixPrincipal caller,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
    return reservations.mine(caller, page, size);
  }

  @GetMapping("/{id}")
  OrderResponse find(AirtixPrincipal caller, @PathVariable UUID id) {
    return reservations.find(caller, id);
  }

  /** Cancels and shows the cancelled order. */
  @PostMapping("/{id}/cancel")
  @ProblemResponse(status = 409, description = "The order is paid, or ended already.")
  OrderResponse cancel(AirtixPrincipal caller, @PathVariable UUID id) {
    return reservations.cancel(caller, id);
  }

  /**
   * Cancels, REST style: the reservation goes away (the order stays in the customer's history as
   * CANCELLED).
   */
  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @ProblemResponse(status = 409, description = "The order is paid, or ended already.")
  void delete(AirtixPrincipal caller, @PathVariable UUID id) {
    reservations.cancel(caller, id);
  }
}
