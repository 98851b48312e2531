package io.airtix.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GatewaySettingsTests {

  private static final URI TICKETS = URI.create("http://localhost:8081");
  private static final URI TENANTS = URI.create("http://localhost:8085");
  private static final URI ORDERS = URI.create("http://localhost:8082");

  @Test
  void serviceOwnsApiPathNamedAfterItByDefault() {
    GatewaySettings settings = new GatewaySettings(Map.of("tickets", TICKETS), null);

    assertThat(settings.prefixesByService())
        .containsExactly(Map.entry("tickets", List.of("/api/tickets")));
  }

  @Test
  void listedPathsReplaceTheDefaultPathOfTheirService() {
    GatewaySettings settings =
        new GatewaySettings(
            Map.of("tickets", TICKETS, "tenants", TENANTS),
            Map.of("tenants", List.of("/api/airlines")));

    assertThat(settings.prefixesByService())
        .containsExactly(
            Map.entry("tenants", List.of("/api/airlines")),
            Map.entry("tickets", List.of("/api/tickets")));
  }

  @Test
  void routesNothingForPathsOfServicesWithoutBaseUrl() {
    GatewaySettings settings =
        new GatewaySettings(
            Map.of("tickets", TICKETS), Map.of("tenants", List.of("/api/airlines")));

    assertThat(settings.prefixesByService()).containsOnlyKeys("tickets");
  }

  @Test
  void rejectsPathClaimedByTwoServices() {
    assertThatThrownBy(
            () ->
                new GatewaySettings(
                    Map.of("tickets", TICKETS, "tenants", TENANTS),
                    Map.of("tenants", List.of("/api/tickets"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Both the tenants and the tickets service claim /api/tickets: give one of them other"
                + " airtix.gateway.paths");
  }

  @Test
  void rejectsPathPrefixWithPatternOrTrailingSlash() {
    for (String prefix :
        List.of(
            "/api/airlines/**",
            "/api/airlines/",
            "api/airlines",
            "/api/{alias}",
            "/api/air*/orders")) {
      assertThatThrownBy(
              () ->
                  new GatewaySettings(
                      Map.of("tenants", TENANTS), Map.of("tenants", List.of(prefix))))
          .as(prefix)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("airtix.gateway.paths.tenants holds '" + prefix + "'");
    }
  }

  @Test
  void triesPrefixNestedInAnotherServicesPrefixFirst() {
    GatewaySettings settings =
        new GatewaySettings(
            Map.of("tickets", TICKETS, "tenants", TENANTS, "orders", ORDERS),
            Map.of(
                "tenants",
                List.of("/api/airlines"),
                "orders",
                List.of("/api/orders", "/api/airlines/*/orders")));

    assertThat(settings.pathsMostSpecificFirst())
        .containsExactly(
            new GatewaySettings.OwnedPath("orders", "/api/airlines/*/orders"),
            new GatewaySettings.OwnedPath("tenants", "/api/airlines"),
            new GatewaySettings.OwnedPath("orders", "/api/orders"),
            new GatewaySettings.OwnedPath("tickets", "/api/tickets"));
  }

  @Test
  void rejectsEmptyPathList() {
    assertThatThrownBy(
            () -> new GatewaySettings(Map.of("tenants", TENANTS), Map.of("tenants", List.of())))
        .hasMessageContaining("airtix.gateway.paths.tenants is empty");
  }
}
