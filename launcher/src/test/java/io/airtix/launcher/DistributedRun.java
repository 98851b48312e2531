package io.airtix.launcher;

import io.airtix.broker.RabbitMqDefinitions;
import io.airtix.events.broker.BrokerAccount;
import io.airtix.events.broker.BrokerPasswords;
import io.airtix.launcher.services.EmbeddedServices;
import io.airtix.launcher.services.LaunchableService;
import io.airtix.testing.keycloak.KeycloakServer;
import io.airtix.testing.postgres.PostgresTestDatabase;
import io.airtix.testing.services.TestServices;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Services started the distributed way inside a test: each as {@code --only <service>} starts it
 * with the profile {@code distributed} (what {@code scripts/run-distributed.sh} does), on a scratch
 * PostgreSQL database of its own, the machine's RabbitMQ and Redis, and the test Keycloak; then the
 * gateway, routing to them. Each run has a RabbitMQ virtual host of its own, so runs side by side
 * never see each other's events, and each service signs in to it with its own broker account
 * (imported with rabbitmqctl as {@code ./airtix --only broker-accounts} does), allowed only its own
 * events. RabbitMQ and Redis must answer: a run without them fails, it never skips.
 */
public final class DistributedRun implements AutoCloseable {

  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final String virtualHost;
  private final BrokerPasswords brokerPasswords = BrokerPasswords.generate();

  /**
   * What the script's LIVE_PASS_KEY is: one key for every live instance of the run, so a pass one
   * issued opens a stream on another.
   */
  private final String livePassKey = newPassKey();

  private final List<LaunchableService> started;
  private final List<PostgresTestDatabase> databases = new ArrayList<>();
  private final EmbeddedServices services;
  private URI gateway;

  private DistributedRun(String name, List<LaunchableService> started) throws IOException {
    this.virtualHost = "airtix-test-" + name + "-" + run;
    this.started = List.copyOf(started);
    this.services = new EmbeddedServices(Files.createTempDirectory("airtix-" + name));
  }

  /**
   * Starts {@code services} and the gateway in front of them.
   *
   * @param name names this kind of run in its virtual host, e.g. {@code distributed-sale}
   * @param settings what every service gets on top of the distributed defaults, e.g. a short hold
   */
  public static DistributedRun start(
      String name, List<LaunchableService> services, Map<String, String> settings) {
    requireAnswers("RabbitMQ", rabbitMqHost(), rabbitMqPort(), "RABBITMQ_HOST/RABBITMQ_PORT");
    requireAnswers("Redis", redisHost(), redisPort(), "REDIS_HOST/REDIS_PORT");
    DistributedRun run;
    try {
      run = new DistributedRun(name, services);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      run.startAll(settings);
      return run;
    } catch (RuntimeException e) {
      run.close();
      throw e;
    }
  }

  public URI gateway() {
    return gateway;
  }

  /**
   * A name unique to this run, for anything a test keeps in shared infrastructure (a Redis key,
   * say).
   */
  public String unique(String prefix) {
    return prefix + run;
  }

  private void startAll(Map<String, String> extra) {
    TestServices.rabbitMq().importDefinitions(RabbitMqDefinitions.of(brokerPasswords, virtualHost));
    Map<String, String> routes = settings(LaunchableService.GATEWAY, extra);
    for (LaunchableService service : started) {
      Map<String, String> settings = settings(service, extra);
      if (!WITHOUT_DATABASE.contains(service)) {
        PostgresTestDatabase database = PostgresTestDatabase.create(service.serviceName());
        databases.add(database);
        settings.put("spring.datasource.url", database.jdbcUrl());
        settings.put("spring.datasource.username", PostgresTestDatabase.user());
        settings.put("spring.datasource.password", PostgresTestDatabase.password());
      }
      String tickets =
          routes.get("airtix.gateway.services." + LaunchableService.TICKETS.serviceName());
      if (service == LaunchableService.LIVE && tickets != null) {
        // the catalogue the live service asks about tickets it has no event of
        settings.put("airtix.live.tickets", tickets);
      }
      routes.put(
          "airtix.gateway.services." + service.serviceName(),
          "http://localhost:" + port(services.startAlone(service, settings)));
    }
    gateway =
        URI.create(
            "http://localhost:" + port(services.startAlone(LaunchableService.GATEWAY, routes)));
  }

  /** What the distributed script gives each service, pointed at this run's virtual host. */
  private Map<String, String> settings(LaunchableService service, Map<String, String> extra) {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("spring.profiles.active", "distributed");
    settings.put("server.port", "0");
    // metrics and descriptions have a port of their own (decisions 0026, 0031)
    settings.put("management.server.port", "0");
    settings.put("spring.main.banner-mode", "off");
    settings.put("airtix.security.issuer-uri", KeycloakServer.shared().issuer());
    settings.put("spring.rabbitmq.host", rabbitMqHost());
    settings.put("spring.rabbitmq.port", String.valueOf(rabbitMqPort()));
    settings.put("spring.data.redis.host", redisHost());
    settings.put("spring.data.redis.port", String.valueOf(redisPort()));
    settings.put("spring.rabbitmq.virtual-host", virtualHost);
    if (service.usesBroker()) {
      BrokerAccount account = BrokerAccount.ofService(service.serviceName());
      settings.put("spring.rabbitmq.username", account.username());
      settings.put("spring.rabbitmq.password", brokerPasswords.of(account));
    }
    if (service == LaunchableService.LIVE) {
      settings.put("airtix.live.pass-key", livePassKey);
    }
    // a consumer's queue may not exist yet at the first publish: retry soon
    settings.put("airtix.messaging.outbox.initial-backoff", "200ms");
    settings.put("airtix.messaging.outbox.max-backoff", "1s");
    settings.putAll(extra);
    return settings;
  }

  /** Services that keep no database of their own: they get no scratch one. */
  private static final Set<LaunchableService> WITHOUT_DATABASE =
      Set.of(LaunchableService.TENANTS, LaunchableService.LIVE);

  /** Base64 of 32 random bytes, as {@code airtix.live.pass-key} takes it. */
  private static String newPassKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  @Override
  public void close() {
    services.stopAll();
    databases.forEach(PostgresTestDatabase::drop);
    TestServices.rabbitMq().deleteVirtualHost(virtualHost);
  }

  private static int port(ConfigurableApplicationContext context) {
    return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
  }

  private static void requireAnswers(String what, String host, int port, String variables) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 2_000);
    } catch (IOException ex) {
      throw new IllegalStateException(
          what
              + " is required by this test and does not answer at "
              + host
              + ":"
              + port
              + " ("
              + ex.getMessage()
              + "). Start it or set "
              + variables
              + ".",
          ex);
    }
  }

  public static String redisHost() {
    return TestServices.redis().host();
  }

  public static int redisPort() {
    return TestServices.redis().port();
  }

  private static String rabbitMqHost() {
    return TestServices.rabbitMq().host();
  }

  private static int rabbitMqPort() {
    return TestServices.rabbitMq().port();
  }
}
