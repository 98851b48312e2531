package io.airtix.tickets.catalog;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;

/** Tokens shaped like Keycloak's, for slice tests that do not run Keycloak. */
final class Callers {

  private Callers() {}

  static JwtRequestPostProcessor customer() {
    return caller(List.of("customer"), List.of());
  }

  static JwtRequestPostProcessor member(String airline, String role) {
    return caller(List.of("customer"), List.of("/airlines/" + airline + "/" + role));
  }

  private static JwtRequestPostProcessor caller(List<String> realmRoles, List<String> groups) {
    String id = UUID.randomUUID().toString();
    return jwt()
        .jwt(
            token ->
                token
                    .subject(id)
                    .claim("preferred_username", "user-" + id)
                    .claim("realm_access", Map.of("roles", realmRoles))
                    .claim("groups", groups));
  }
}
