package io.airtix.launcher.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LaunchableServiceTests {

  private static final Path DATA = Path.of("data");

  @Test
  void givesEveryServiceAManagementPortOfItsOwnOnTheLoopbackInterface() {
    for (LaunchableService service : LaunchableService.ALL) {
      assertThat(service.standaloneArguments(DATA))
          .as(service.serviceName())
          .contains(
              "--management.server.port=" + service.managementPort(),
              "--management.server.address=127.0.0.1");
    }
    assertThat(LaunchableService.ALL)
        .extracting(LaunchableService::managementPort)
        .containsExactly(9081, 9082, 9083, 9084, 9085, 8090);
  }

  @Test
  void pointsTheGatewayAtEveryDescribedServicesManagementPort() {
    assertThat(LaunchableService.GATEWAY.standaloneArguments(DATA))
        .contains(
            "--airtix.gateway.api-docs.tickets=http://localhost:9081/actuator/openapi",
            "--airtix.gateway.api-docs.orders=http://localhost:9082/actuator/openapi",
            "--airtix.gateway.api-docs.payments=http://localhost:9084/actuator/openapi",
            "--airtix.gateway.api-docs.tenants=http://localhost:9085/actuator/openapi")
        .noneMatch(argument -> argument.startsWith("--airtix.gateway.api-docs.expiration"));
  }
}
