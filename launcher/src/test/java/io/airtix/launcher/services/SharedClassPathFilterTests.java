package io.airtix.launcher.services;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class SharedClassPathFilterTests {

  private static final String[] CANDIDATES = {
      "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
      "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
      "org.springframework.cloud.gateway.server.mvc.GatewayServerMvcAutoConfiguration",
      null,
      "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration"};

  @Test
  void leavesOutForeignAutoConfigurationOfTheGateway() {
    boolean[] matches = filterFor(LaunchableService.GATEWAY).match(CANDIDATES, null);

    assertThat(matches).containsExactly(false, false, true, true, true);
  }

  @Test
  void leavesOutGatewayProxyingInServices() {
    boolean[] matches = filterFor(LaunchableService.TICKETS).match(CANDIDATES, null);

    assertThat(matches).containsExactly(true, true, false, true, true);
  }

  @Test
  void keepsEverythingOutsideTheLauncher() {
    SharedClassPathFilter filter = new SharedClassPathFilter();
    filter.setEnvironment(new MockEnvironment());

    assertThat(filter.match(CANDIDATES, null)).containsOnly(true);
  }

  private static SharedClassPathFilter filterFor(LaunchableService service) {
    MockEnvironment environment = new MockEnvironment();
    service.classPathSharing().forEach((name, value) -> environment.setProperty(name, value.toString()));
    SharedClassPathFilter filter = new SharedClassPathFilter();
    filter.setEnvironment(environment);
    return filter;
  }
}
