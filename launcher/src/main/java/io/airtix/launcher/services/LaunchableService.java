package io.airtix.launcher.services;

import io.airtix.expiration.ExpirationApplication;
import io.airtix.gateway.GatewayApplication;
import io.airtix.live.LiveApplication;
import io.airtix.orders.OrdersApplication;
import io.airtix.payments.PaymentsApplication;
import io.airtix.tenants.TenantsApplication;
import io.airtix.tickets.TicketsApplication;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A Spring Boot application the launcher can run, with what it needs to share the launcher's JVM
 * and class path. A new service joins this list and, when it answers an API, the gateway's routes.
 */
public enum LaunchableService {
  TICKETS("tickets", TicketsApplication.class, 8081, 9081, ForeignAutoConfiguration.GATEWAY_PROXY),

  /**
   * Built like the tickets service (JPA, Flyway, events), so only the gateway's proxying is foreign
   * to it.
   */
  ORDERS("orders", OrdersApplication.class, 8082, 9082, ForeignAutoConfiguration.GATEWAY_PROXY),

  /**
   * Plain JDBC, Flyway, events, Redis (distributed mode only); answers no API, so the gateway has
   * no route to it.
   */
  EXPIRATION(
      "expiration",
      ExpirationApplication.class,
      8083,
      9083,
      ForeignAutoConfiguration.allOf(
          ForeignAutoConfiguration.JPA, ForeignAutoConfiguration.GATEWAY_PROXY)),

  /**
   * Built like the orders service (JPA, Flyway, events); without a Stripe key (STRIPE_API_KEY) it
   * runs the simulated payment provider.
   */
  PAYMENTS(
      "payments", PaymentsApplication.class, 8084, 9084, ForeignAutoConfiguration.GATEWAY_PROXY),

  /**
   * Keeps no database and sends no events: it stores everything in Keycloak, through its admin API.
   * It listens to the broker only for Keycloak's bans and logouts, which feed its deny-list.
   */
  TENANTS(
      "tenants",
      TenantsApplication.class,
      8085,
      9085,
      ForeignAutoConfiguration.allOf(
          ForeignAutoConfiguration.DATABASE,
          ForeignAutoConfiguration.SPRING_CLOUD,
          ForeignAutoConfiguration.HTTP_CLIENTS)),

  /**
   * Live updates over WebSocket and Server-Sent Events: a reactive application on Reactor Netty,
   * like the gateway (live.yaml makes it one), so Tomcat's auto-configuration is hidden from it
   * (its reactive management server would compete with Netty's). Unlike the gateway it keeps the
   * service platform (token checks, deny-list, access policy), the broker and Redis (distributed
   * mode only); it keeps no database and calls no service. Without airtix.live.pass-key it seals
   * passes with a key of its own process: one instance, which a restart leaves every client to
   * reconnect to anyway.
   */
  LIVE(
      "live",
      LiveApplication.class,
      8086,
      9086,
      ForeignAutoConfiguration.allOf(
          ForeignAutoConfiguration.SQL,
          ForeignAutoConfiguration.JPA,
          ForeignAutoConfiguration.SPRING_CLOUD,
          ForeignAutoConfiguration.HTTP_CLIENTS,
          ForeignAutoConfiguration.TOMCAT)),

  GATEWAY(
      "gateway",
      GatewayApplication.class,
      8080,
      8090,
      ForeignAutoConfiguration.allOf(
          ForeignAutoConfiguration.DATABASE,
          ForeignAutoConfiguration.MESSAGING,
          ForeignAutoConfiguration.SERVICE_PLATFORM,
          ForeignAutoConfiguration.TOMCAT));

  /** Services first: the gateway is the door to them. */
  public static final List<LaunchableService> ALL =
      List.of(TICKETS, ORDERS, EXPIRATION, PAYMENTS, TENANTS, LIVE, GATEWAY);

  /**
   * What starts beside Keycloak: nothing in it needs Keycloak to start (token checks fetch its keys
   * lazily).
   */
  public static final List<LaunchableService> BESIDE_KEYCLOAK =
      List.of(TICKETS, ORDERS, EXPIRATION, PAYMENTS, LIVE, GATEWAY);

  /**
   * The setting that carries the secret of the tenants service's Keycloak client. Keycloak
   * generates the secret when it imports the realm, so the service can only start once Keycloak is
   * ready and has been asked for it.
   */
  public static final String TENANTS_CLIENT_SECRET = "airtix.tenants.keycloak.client-secret";

  private final String serviceName;
  private final Class<?> application;
  private final int port;
  private final int managementPort;
  private final List<String> foreignAutoConfiguration;

  LaunchableService(
      String serviceName,
      Class<?> application,
      int port,
      int managementPort,
      List<String> foreignAutoConfiguration) {
    this.serviceName = serviceName;
    this.application = application;
    this.port = port;
    this.managementPort = managementPort;
    this.foreignAutoConfiguration = foreignAutoConfiguration;
  }

  public static LaunchableService named(String name) {
    return ALL.stream()
        .filter(service -> service.serviceName.equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No service named " + name));
  }

  public String serviceName() {
    return serviceName;
  }

  public Class<?> application() {
    return application;
  }

  public int port() {
    return port;
  }

  public String baseUrl() {
    return "http://localhost:" + port;
  }

  /**
   * Where its actuator (health, metrics) and API description answer: a port of its own on the
   * loopback interface, which the gateway routes nothing to (decisions 0026, 0031).
   */
  public int managementPort() {
    return managementPort;
  }

  public String managementUrl() {
    return "http://localhost:" + managementPort;
  }

  /** The service's own OpenAPI description, which the gateway merges into /api-docs. */
  public String apiDocsUrl() {
    return managementUrl() + "/actuator/openapi";
  }

  /** Always needed when the launcher's class path is in play, whatever the mode. */
  Map<String, Object> classPathSharing() {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put(SharedClassPathFilter.PROPERTY, String.join(",", foreignAutoConfiguration));
    if (this == GATEWAY || this == LIVE) {
      // springdoc announces its endpoint from a listener even where its auto-configuration is left
      // out, or (the live service) where the servlet API it describes is not served: a warning on
      // the console at every start
      settings.put("springdoc.api-docs.enabled", false);
    }
    return settings;
  }

  /**
   * All services, and the embedded event broker, log to one file, the console shows only warnings.
   * One logging system serves the whole JVM, so it cannot name one application in each line;
   * Tomcat's thread names (http-nio-8081-exec-1) tell the services apart.
   */
  static Map<String, Object> sharedLogging(Path dataDir) {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("logging.file.name", dataDir.resolve("logs/airtix.log").toString());
    settings.put("logging.threshold.console", "WARN");
    settings.put("logging.include-application-name", false);
    // the embedded broker's operational log writes a line per connection and channel at INFO; its
    // warnings still count
    settings.put("logging.level.qpid.message", "WARN");
    settings.put("logging.level.org.apache.qpid", "WARN");
    return settings;
  }

  /** Every service publishes or listens to events; the gateway does neither. */
  public boolean usesBroker() {
    return this != GATEWAY;
  }

  /**
   * Standalone mode: the launcher decides ports, data folder and issuer; they win over every
   * configuration file.
   */
  List<String> standaloneArguments(Path dataDir) {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("server.port", String.valueOf(port));
    settings.put("management.server.port", String.valueOf(managementPort));
    settings.put("management.server.address", "127.0.0.1");
    settings.put("airtix.data-dir", dataDir.toString());
    settings.put("airtix.security.issuer-uri", "http://localhost:8180/realms/airtix");
    sharedLogging(dataDir).forEach((name, value) -> settings.put(name, value.toString()));
    // the standalone mode has no Redis: a service that can use one keeps to memory and must not
    // report it missing
    settings.put("management.health.redis.enabled", "false");
    if (this == GATEWAY) {
      settings.put("airtix.gateway.services.tickets", TICKETS.baseUrl());
      settings.put("airtix.gateway.services.orders", ORDERS.baseUrl());
      settings.put("airtix.gateway.services.payments", PAYMENTS.baseUrl());
      settings.put("airtix.gateway.services.tenants", TENANTS.baseUrl());
      // a WebSocket at /api/live, Server-Sent Events at /api/live/stream, passes at
      // /api/live/passes; it describes no API, so the merged description leaves it out
      settings.put("airtix.gateway.services.live", LIVE.baseUrl());
      for (LaunchableService described : List.of(TICKETS, ORDERS, PAYMENTS, TENANTS)) {
        settings.put("airtix.gateway.api-docs." + described.serviceName, described.apiDocsUrl());
      }
    }
    if (this == TICKETS || this == ORDERS || this == PAYMENTS || this == TENANTS) {
      // the gateway's merged description at /api-docs reads them; said explicitly, springdoc
      // stops warning about them
      settings.put("springdoc.api-docs.enabled", "true");
    }
    return settings.entrySet().stream()
        .map(setting -> "--" + setting.getKey() + "=" + setting.getValue())
        .toList();
  }

  /**
   * One process per service: only defaults, so the profile, the configuration files and the
   * environment decide.
   */
  Map<String, Object> singleProcessDefaults(Path dataDir) {
    Map<String, Object> defaults = new LinkedHashMap<>(classPathSharing());
    defaults.put("server.port", port);
    defaults.put("airtix.data-dir", dataDir.toString());
    return defaults;
  }

  /**
   * Auto-configuration packages that the launcher's class path holds and a service's own class path
   * would not: its {@link SharedClassPathFilter} leaves them out, so each service configures itself
   * as it does when run alone. Compared against each service's own runtime class path with Spring
   * Boot 4.0 (modules per technology).
   */
  static final class ForeignAutoConfiguration {

    /**
     * The JPA of the tickets and orders services on SQLite or PostgreSQL, their migrations and
     * data-access helpers.
     */
    static final List<String> DATABASE =
        List.of(
            "org.springframework.boot.jdbc.",
            "org.springframework.boot.jpa.",
            "org.springframework.boot.hibernate.",
            "org.springframework.boot.data.",
            "org.springframework.boot.flyway.",
            "org.springframework.boot.persistence.",
            "org.springframework.boot.transaction.");

    /**
     * JPA and Hibernate, which the tickets and orders services use and the expiration service
     * (JDBC) does not.
     */
    static final List<String> JPA =
        List.of(
            "org.springframework.boot.jpa.",
            "org.springframework.boot.hibernate.",
            "org.springframework.boot.data.jpa.");

    /**
     * Plain JDBC and its migrations, which the services with a database use and the live service
     * (broker and Redis only) does not; unlike {@link #DATABASE} it leaves Spring Data alone, whose
     * Redis support the live service keeps.
     */
    static final List<String> SQL =
        List.of("org.springframework.boot.jdbc.", "org.springframework.boot.flyway.");

    /**
     * The event backbone's AMQP client; its health check alone would mark a service down without a
     * broker.
     */
    static final List<String> MESSAGING = List.of("org.springframework.boot.amqp.");

    /** The gateway's proxy filters and routes. */
    static final List<String> GATEWAY_PROXY = List.of("org.springframework.cloud.gateway.");

    /** Spring Cloud as a whole, which only the gateway brings. */
    static final List<String> SPRING_CLOUD = List.of("org.springframework.cloud.");

    /**
     * Spring Boot's HTTP client set-up (RestClient, HTTP service clients), which the gateway
     * brings.
     */
    static final List<String> HTTP_CLIENTS =
        List.of("org.springframework.boot.http.client.", "org.springframework.boot.restclient.");

    /**
     * The servlet container of the services: the gateway and the live service are reactive
     * applications on Netty (decision 0026), and Tomcat's reactive server and management context
     * would otherwise compete for them (two reactiveWebChildContextFactory beans).
     */
    static final List<String> TOMCAT = List.of("org.springframework.boot.tomcat.");

    /** What makes a service a resource server with problem details and an OpenAPI document. */
    static final List<String> SERVICE_PLATFORM =
        List.of("org.springframework.boot.security.", "org.springdoc.", "io.airtix.platform.");

    private ForeignAutoConfiguration() {}

    @SafeVarargs
    static List<String> allOf(List<String>... groups) {
      return Stream.of(groups).flatMap(List::stream).toList();
    }
  }
}
