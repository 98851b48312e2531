package io.airtix.launcher.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
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
  private static final String DATA_JPA_REPOSITORIES =
      "org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration";
  private static final String REDIS =
      "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration";
  private static final String TOMCAT_REACTIVE_SERVER =
      "org.springframework.boot.tomcat.autoconfigure.reactive.TomcatReactiveWebServerAutoConfiguration";
  private static final String TOMCAT_REACTIVE_MANAGEMENT =
      "org.springframework.boot.tomcat.autoconfigure.actuate.web.server"
          + ".TomcatReactiveManagementContextAutoConfiguration";
  private static final String NETTY_SERVER =
      "org.springframework.boot.reactor.netty.autoconfigure.NettyReactiveWebServerAutoConfiguration";
  private static final String NETTY_MANAGEMENT =
      "org.springframework.boot.reactor.netty.autoconfigure.actuate.web.server"
          + ".NettyReactiveManagementContextAutoConfiguration";
  private static final String WEB_FLUX =
      "org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration";
  private static final String JDBC_TEMPLATE =
      "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration";
  private static final String HTTP_CLIENT =
      "org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration";
  private static final String SPRING_CLOUD_COMMONS =
      "org.springframework.cloud.client.CommonsClientAutoConfiguration";
  private static final String GATEWAY_WEBFLUX =
      "org.springframework.cloud.gateway.config.GatewayAutoConfiguration";

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

  /**
   * The live service is reactive like the gateway (Netty, not Tomcat), but a service of the
   * platform: broker, Redis, token checks and Spring Data's Redis stay; the databases, the HTTP
   * clients and Spring Cloud, which its own class path lacks, go.
   */
  @Test
  void leavesOutTomcatDatabasesHttpClientsAndSpringCloudButKeepsBrokerRedisAndPlatformForLive() {
    String[] candidates = {
      DATA_SOURCE,
      JDBC_TEMPLATE,
      HIBERNATE,
      DATA_JPA_REPOSITORIES,
      FLYWAY,
      SPRING_DATA_WEB,
      REDIS,
      TRANSACTIONS,
      RABBIT,
      SECURITY,
      PLATFORM_SECURITY,
      GATEWAY_PROXY,
      GATEWAY_WEBFLUX,
      SPRING_CLOUD,
      SPRING_CLOUD_COMMONS,
      REST_CLIENT,
      HTTP_CLIENT,
      TOMCAT_REACTIVE_SERVER,
      TOMCAT_REACTIVE_MANAGEMENT,
      NETTY_SERVER,
      NETTY_MANAGEMENT,
      WEB_FLUX,
      WEB_MVC,
      JACKSON,
      null
    };

    assertThat(keptFor(LaunchableService.LIVE, candidates))
        .containsExactly(
            SPRING_DATA_WEB,
            REDIS,
            TRANSACTIONS,
            RABBIT,
            SECURITY,
            PLATFORM_SECURITY,
            NETTY_SERVER,
            NETTY_MANAGEMENT,
            WEB_FLUX,
            WEB_MVC,
            JACKSON,
            null);
  }

  @Test
  void hidesTomcatFromBothReactiveApplicationsOnly() {
    String[] candidates = {TOMCAT_REACTIVE_SERVER, TOMCAT_REACTIVE_MANAGEMENT, NETTY_MANAGEMENT};

    for (LaunchableService service : LaunchableService.ALL) {
      boolean reactive = service == LaunchableService.GATEWAY || service == LaunchableService.LIVE;
      assertThat(keptFor(service, candidates))
          .as(service.serviceName())
          .containsExactlyElementsOf(
              reactive ? List.of(NETTY_MANAGEMENT) : Arrays.asList(candidates));
    }
  }

  @Test
  void keepsEverythingOutsideTheLauncher() {
    SharedClassPathFilter filter = new SharedClassPathFilter();
    filter.setEnvironment(new MockEnvironment());

    assertThat(filter.match(CANDIDATES, null)).containsOnly(true);
  }

  private static List<String> keptFor(LaunchableService service) {
    return keptFor(service, CANDIDATES);
  }

  private static List<String> keptFor(LaunchableService service, String[] candidates) {
    MockEnvironment environment = new MockEnvironment();
    service
        .classPathSharing()
        .forEach((name, value) -> environment.setProperty(name, value.toString()));
    SharedClassPathFilter filter = new SharedClassPathFilter();
    filter.setEnvironment(environment);
    boolean[] matches = filter.match(candidates, null);
    List<String> kept = new ArrayList<>();
    for (int i = 0; i < candidates.length; i++) {
      if (matches[i]) {
        kept.add(candidates[i]);
      }
    }
    return kept;
  }
}
