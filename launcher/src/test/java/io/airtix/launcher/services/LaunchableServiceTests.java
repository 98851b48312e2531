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
        .containsExactly(9081, 9082, 9083, 9084, 9085, 9086, 8090);
    assertThat(LaunchableService.ALL)
        .extracting(LaunchableService::port)
        .containsExactly(8081, 8082, 8083, 8084, 8085, 8086, 8080);
  }

  @Test
  void routesTheGatewayToTheLiveServiceAndLeavesItOutOfTheMergedDescription() {
    assertThat(LaunchableService.GATEWAY.standaloneArguments(DATA))
        .contains("--airtix.gateway.services.live=http://localhost:8086")
        .noneMatch(argument -> argument.startsWith("--airtix.gateway.api-docs.live"));
  }

  /**
   * One instance: without a pass key it seals passes with a key of its own process, and no key is
   * kept on disk.
   */
  @Test
  void startsTheLiveServiceBesideKeycloakOnItsOwnPortsWithoutAPassKey() {
    assertThat(LaunchableService.BESIDE_KEYCLOAK).contains(LaunchableService.LIVE);
    assertThat(LaunchableService.named("live")).isEqualTo(LaunchableService.LIVE);
    assertThat(LaunchableService.LIVE.usesBroker()).isTrue();
    assertThat(LaunchableService.LIVE.standaloneArguments(DATA))
        .contains(
            "--server.port=8086",
            "--management.server.port=9086",
            "--airtix.security.issuer-uri=http://localhost:8180/realms/airtix")
        .noneMatch(argument -> argument.startsWith("--airtix.live.pass-key"));
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
