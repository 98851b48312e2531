package io.airtix.tickets.catalog;

import io.airtix.platform.apidocs.Answers;
import io.airtix.platform.apidocs.ProblemResponse;
import io.airtix.platform.security.AirtixPrincipal;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.UUID;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping("/api/tickets")
class TicketController {

  private final TicketCatalog catalog;

  TicketController(TicketCatalog catalog) {
    this.catalog = catalog;
  }

  /** Public: every airline's tickets, filtered and paged, by departure time. */
  @GetMapping
  TicketPage browse(
      @Valid @ParameterObject TicketSearch search,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
    return catalog.browse(search, page, size);
  }

  /** Public. */
  @GetMapping("/{id}")
  TicketResponse find(@PathVariable UUID id) {
    return catalog.find(id);
  }

  @PostMapping
  @Answers(status = 201, description = "The ticket on sale; Location names its address.")
  ResponseEntity<TicketResponse> create(
      AirtixPrincipal caller, @Valid @RequestBody CreateTicketRequest request) {
    TicketResponse created = catalog.create(caller, request);
    URI location =
        ServletUriComponentsBuilder.fromCurrentRequestUri()
            .path("/{id}")
            .buildAndExpand(created.id())
            .toUri();
    return ResponseEntity.created(location).body(created);
  }

  @PutMapping("/{id}")
  @ProblemResponse(status = 409, description = "Sold, or changed since the version sent.")
  @ProblemResponse(status = 423, description = "Held by an order awaiting payment.")
  TicketResponse update(
      AirtixPrincipal caller,
      @PathVariable UUID id,
      @Valid @RequestBody UpdateTicketRequest request) {
    return catalog.update(caller, id, request);
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @ProblemResponse(status = 409, description = "Sold.")
  @ProblemResponse(status = 423, description = "Held by an order awaiting payment.")
  void delete(AirtixPrincipal caller, @PathVariable UUID id) {
    catalog.delete(caller, id);
  }
}
