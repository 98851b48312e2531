package io.airtix.launcher.services;

import io.airtix.gateway.GatewayApplication;
import io.airtix.tickets.TicketsApplication;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Spring Boot application the launcher can run, with what it needs to share the launcher's JVM and class path.
 * Services to come (orders 8082, expiration 8083, payments 8084, tenants 8085) join this list and the gateway's
 * routes.
 */
public enum LaunchableService {

  TICKETS("tickets", TicketsApplication.class, 8081, List.of("org.springframework.cloud.gateway.")),

  GATEWAY("gateway", GatewayApplication.class, 8080, List.of(
      "org.springframework.boot.jdbc.",
      "org.springframework.boot.jpa.",
      "org.springframework.boot.hibernate.",
      "org.springframework.boot.data.jpa.",
      "org.springframework.boot.flyway.",
      "org.springframework.boot.security.",
      "org.springdoc.",
      "io.airtix.platform."));

  /** Services first: the gateway is the door to them. */
  public static final List<LaunchableService> ALL = List.of(TICKETS, GATEWAY);

  private final String serviceName;
  private final Class<?> application;
  private final int port;
  private final List<String> foreignAutoConfiguration;

  LaunchableService(String serviceName, Class<?> application, int port, List<String> foreignAutoConfiguration) {
    this.serviceName = serviceName;
    this.application = application;
    this.port = port;
    this.foreignAutoConfiguration = foreignAutoConfiguration;
  }

  public static LaunchableService named(String name) {
    return ALL.stream().filter(service -> service.serviceName.equals(name)).findFirst()
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

  /** Always needed when the launcher's class path is in play, whatever the mode. */
  Map<String, Object> classPathSharing() {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put(SharedClassPathFilter.PROPERTY, String.join(",", foreignAutoConfiguration));
    if (this == GATEWAY) {
      // springdoc announces its endpoint from a listener even where its auto-configuration is left out
      settings.put("springdoc.api-docs.enabled", false);
    }
    return settings;
  }

  /**
   * All services log to one file, the console shows only warnings. One logging system serves the whole JVM, so it
   * cannot name one application in each line; Tomcat's thread names (http-nio-8081-exec-1) tell the services apart.
   */
  static Map<String, Object> sharedLogging(Path dataDir) {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("logging.file.name", dataDir.resolve("logs/airtix.log").toString());
    settings.put("logging.threshold.console", "WARN");
    settings.put("logging.include-application-name", false);
    return settings;
  }

  /** Standalone mode: the launcher decides ports, data folder and issuer; they win over every configuration file. */
  List<String> standaloneArguments(Path dataDir) {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("server.port", String.valueOf(port));
    settings.put("airtix.data-dir", dataDir.toString());
    settings.put("airtix.security.issuer-uri", "http://localhost:8180/realms/airtix");
    sharedLogging(dataDir).forEach((name, value) -> settings.put(name, value.toString()));
    if (this == GATEWAY) {
      settings.put("airtix.gateway.services.tickets", TICKETS.baseUrl());
    }
    if (this == TICKETS) {
      // the start-up summary points at the OpenAPI document; said explicitly, springdoc stops warning about it
      settings.put("springdoc.api-docs.enabled", "true");
    }
    return settings.entrySet().stream().map(setting -> "--" + setting.getKey() + "=" + setting.getValue()).toList();
  }

  /** One process per service: only defaults, so the profile, the configuration files and the environment decide. */
  Map<String, Object> singleProcessDefaults(Path dataDir) {
    Map<String, Object> defaults = new LinkedHashMap<>(classPathSharing());
    defaults.put("server.port", port);
    defaults.put("airtix.data-dir", dataDir.toString());
    return defaults;
  }
}
