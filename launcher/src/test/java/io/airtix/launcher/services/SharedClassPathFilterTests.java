package io.airtix.launcher.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class SharedClassPathFilterTests {

  private static final String DATA_SOURCE =
      "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration";
  private static final String HIBERNATE =
      "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration";
  private static final String FLYWAY =
      "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration";
  private static final String SPRING_DATA_WEB =
      "org.springframework.boot.data.autoconfigure.web.DataWebAutoConfiguration";
  private static final String TRANSACTIONS =
      "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration";
  private static final String RABBIT =
      "org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration";
  private static final String SECURITY =
      "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration";
  private static final String PLATFORM_SECURITY =
      "io.airtix.platform.security.AirtixSecurityAutoConfiguration";
  private static final String GATEWAY_PROXY =
      "org.springframework.cloud.gateway.server.mvc.GatewayServerMvcAutoConfiguration";
  private static final String SPRING_CLOUD =
      "org.springframework.cloud.autoconfigure.RefreshAutoConfiguration";
  private static final String REST_CLIENT =
      "org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration";
  private static final String WEB_MVC =
      "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration";
  private static final String JACKSON =
      "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration";

  private static final String[] CANDIDATES = {
    DATA_SOURCE,
    HIBERNATE,
    FLYWAY,
    SPRING_DATA_WEB,
    TRANSACTIONS,
    RABBIT,
    SECURITY,
    PLATFORM_SECURITY,
    GATEWAY_PROXY,
    SPRING_CLOUD,
    REST_CLIENT,
    null,
    WEB_MVC,
    JACKSON
  };

  @Test
  void leavesOutForeignAutoConfigurationOfTheGateway() {
    assertThat(keptFor(LaunchableService.GATEWAY))
        .containsExactly(GATEWAY_PROXY, SPRING_CLOUD, REST_CLIENT, null, WEB_MVC, JACKSON);
  }

  @Test
  void leavesOutGatewayProxyingInTicketsService() {
    assertThat(keptFor(LaunchableService.TICKETS))
        .doesNotContain(GATEWAY_PROXY)
        .contains(DATA_SOURCE, HIBERNATE, FLYWAY, RABBIT, SECURITY, PLATFORM_SECURITY, WEB_MVC);
  }

  @Test
  void keepsDatabaseAndMessagingButLeavesOutGatewayProxyingInOrdersService() {
    assertThat(keptFor(LaunchableService.ORDERS))
        .doesNotContain(GATEWAY_PROXY)
        .contains(
            DATA_SOURCE,
            HIBERNATE,
            FLYWAY,
            TRANSACTIONS,
            RABBIT,
            SECURITY,
            PLATFORM_SECURITY,
            WEB_MVC);
  }

  @Test
  void leavesOutDatabaseAndGatewayButKeepsTheBrokerForTheDenyListInTenantsService() {
    assertThat(keptFor(LaunchableService.TENANTS))
        .containsExactly(RABBIT, SECURITY, PLATFORM_SECURITY, null, WEB_MVC, JACKSON);
  }

  @Test
  void keepsEverythingOutsideTheLauncher() {
    SharedClassPathFilter filter = new SharedClassPathFilter();
    filter.setEnvironment(new MockEnvironment());

    assertThat(filter.match(CANDIDATES, null)).containsOnly(true);
  }

  private static List<String> keptFor(LaunchableService service) {
    MockEnvironment environment = new MockEnvironment();
    service
        .classPathSharing()
        .forEach((name, value) -> environment.setProperty(name, value.toString()));
    SharedClassPathFilter filter = new SharedClassPathFilter();
    filter.setEnvironment(environment);
    boolean[] matches = filter.match(CANDIDATES, null);
    List<String> kept = new ArrayList<>();
    for (int i = 0; i < CANDIDATES.length; i++) {
      if (matches[i]) {
        kept.add(CANDIDATES[i]);
      }
    }
    return kept;
  }
}
