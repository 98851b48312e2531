package io.airtix.tenants.airlines;

import io.airtix.platform.apidocs.Answers;
import io.airtix.platform.apidocs.ProblemResponse;
import io.airtix.platform.security.AirtixPrincipal;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping("/api/airlines")
class AirlineController {

  private final Airlines airlines;

  AirlineController(Airlines airlines) {
    this.airlines = airlines;
  }

  /**
   * Platform admins: 201 when this request completed the airline, 200 when it existed already with
   * the same data.
   */
  @PostMapping
  @Answers(status = 201, description = "The airline; Location names its address.")
  @Answers(status = 200, description = "The airline existed already with the same data.")
  @ProblemResponse(status = 409, description = "The airline exists with other data.")
  ResponseEntity<AirlineResponse> create(
      AirtixPrincipal caller, @Valid @RequestBody CreateAirlineRequest request) {
    Airlines.Created result = airlines.create(caller, request);
    if (!result.created()) {
      return ResponseEntity.ok(result.airline());
    }
    URI location =
        ServletUriComponentsBuilder.fromCurrentRequestUri()
            .path("/{alias}")
            .buildAndExpand(result.airline().alias())
            .toUri();
    return ResponseEntity.created(location).body(result.airline());
  }

  @GetMapping("/{alias}")
  AirlineResponse find(AirtixPrincipal caller, @PathVariable String alias) {
    return airlines.find(caller, alias);
  }

  @GetMapping
  AirlinePage list(
      AirtixPrincipal caller,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
    return airlines.list(caller, page, size);
  }
}
