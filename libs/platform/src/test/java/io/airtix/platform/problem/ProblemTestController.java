package io.airtix.platform.problem;

import io.airtix.platform.security.AirtixPrincipal;
import io.airtix.platform.security.PublicEndpoints;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import java.util.Map;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Endpoints that fail in every way a real service can, to check the problem shapes. */
@RestController
@RequestMapping("/test")
class ProblemTestController {

  enum Size {
    SMALL,
    LARGE
  }

  record Thing(@NotBlank String name, @Min(1) int quantity, Size size) {}

  @PostMapping("/things")
  @ResponseStatus(HttpStatus.CREATED)
  Thing create(@Valid @RequestBody Thing thing) {
    return thing;
  }

  @GetMapping("/things")
  List<Thing> list(@RequestParam(defaultValue = "20") @Min(1) int size) {
    return List.of();
  }

  @GetMapping("/things/{id}")
  Thing find(@PathVariable long id) {
    throw new NotFoundProblem("THING_NOT_FOUND", "No thing " + id + ".");
  }

  @GetMapping("/stale")
  Thing stale() {
    throw new StaleVersionProblem("Thing 1 is at version 3, not 2.");
  }

  @GetMapping("/forbidden")
  Thing forbidden() {
    throw new ForbiddenProblem("You may not touch things.");
  }

  @GetMapping("/boom")
  Thing boom() {
    throw new IllegalStateException("secret internal detail");
  }

  @GetMapping("/public/hello")
  Map<String, String> hello() {
    return Map.of("hello", "world");
  }

  @GetMapping("/me")
  AirtixPrincipal me(AirtixPrincipal caller) {
    return caller;
  }

  @TestConfiguration
  static class OpenEndpoints {

    @Bean
    PublicEndpoints testPublicEndpoints() {
      return PublicEndpoints.of("GET /test/public/**");
    }
  }
}
