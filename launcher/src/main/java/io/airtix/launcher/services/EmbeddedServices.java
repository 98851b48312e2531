package io.airtix.launcher.services;

import io.airtix.events.broker.BrokerAccount;
import io.airtix.events.broker.BrokerPasswords;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LogFile;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.cloud.bootstrap.LoggingSystemShutdownListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The services and the gateway, each its own Spring application context in the launcher's JVM. They
 * start side by side (and beside Keycloak: fetching Keycloak's signing keys waits for the first
 * token), except those that need a credential from Keycloak to start, which start once it is ready.
 */
public final class EmbeddedServices {

  private static final String LOGGING_LEVEL = "logging.level.";

  private final Path dataDir;
  private final BrokerPasswords brokerPasswords;
  private final List<ConfigurableApplicationContext> running = new ArrayList<>();
  private boolean loggingInitialized;

  /**
   * For services that sign in to the broker as the environment says (the distributed mode) or as
   * their callers' settings say.
   */
  public EmbeddedServices(Path dataDir) {
    this(dataDir, null);
  }

  /**
   * For the standalone mode: each service signs in to the embedded broker with its own account
   * ({@link BrokerAccount}).
   */
  public EmbeddedServices(Path dataDir, BrokerPasswords brokerPasswords) {
    this.dataDir = dataDir;
    this.brokerPasswords = brokerPasswords;
  }

  /**
   * Starts the services side by side in the background; completes with how long the slowest took,
   * or fails with the first failure.
   *
   * @param settings given to each of them on top of the standalone settings, e.g. a credential only
   *     known now
   */
  public CompletableFuture<Duration> startInBackground(
      List<LaunchableService> services, Map<String, String> settings) {
    Instant start = Instant.now();
    initializeLoggingOnce();
    ExecutorService starters =
        Executors.newFixedThreadPool(
            services.size(),
            runnable -> {
              Thread thread = new Thread(runnable, "airtix-service-start");
              thread.setDaemon(true);
              return thread;
            });
    List<CompletableFuture<Void>> starts =
        services.stream()
            .map(
                service ->
                    CompletableFuture.runAsync(
                        () -> register(startStandalone(service, settings)), starters))
            .toList();
    return CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new))
        .thenApply(done -> Duration.between(start, Instant.now()))
        .whenComplete((done, failure) -> starters.shutdown());
  }

  /**
   * Runs one service alone in this process, the distributed mode's way; returns once it is up.
   *
   * @param settings given to it as command-line settings, which win over its configuration and the
   *     environment
   */
  public ConfigurableApplicationContext startAlone(
      LaunchableService service, Map<String, String> settings) {
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(service.application())
            .properties(service.singleProcessDefaults(dataDir))
            .run(
                settings.entrySet().stream()
                    .map(setting -> "--" + setting.getKey() + "=" + setting.getValue())
                    .toArray(String[]::new));
    register(context);
    return context;
  }

  public synchronized void stopAll() {
    for (int i = running.size() - 1; i >= 0; i--) {
      running.get(i).close();
    }
    running.clear();
  }

  /**
   * One logging system serves every context in the JVM, and the embedded event broker, which starts
   * first. Left to the contexts, two of them starting at once initialize it at the same time and
   * break it; set up here first, each context finds it ready and leaves it alone. Services started
   * later (the tenants service waits for Keycloak) find it ready too: initializing it again would
   * reset it under the feet of those already running.
   */
  public synchronized void initializeLoggingOnce() {
    if (loggingInitialized) {
      return;
    }
    loggingInitialized = true;
    Map<String, Object> sharedLogging = LaunchableService.sharedLogging(dataDir);
    StandardEnvironment environment = new StandardEnvironment();
    environment
        .getPropertySources()
        .addFirst(new MapPropertySource("airtixLogging", sharedLogging));
    LoggingSystem logging = LoggingSystem.get(EmbeddedServices.class.getClassLoader());
    logging.beforeInitialize();
    logging.initialize(
        new LoggingInitializationContext(environment), null, LogFile.get(environment));
    // the contexts apply these levels when they start; the embedded broker logs before any of them
    // does
    sharedLogging.forEach(
        (name, level) -> {
          if (name.startsWith(LOGGING_LEVEL)) {
            logging.setLogLevel(
                name.substring(LOGGING_LEVEL.length()), LogLevel.valueOf(level.toString()));
          }
        });
  }

  private ConfigurableApplicationContext startStandalone(
      LaunchableService service, Map<String, String> settings) {
    List<String> arguments = new ArrayList<>(service.standaloneArguments(dataDir));
    if (brokerPasswords != null && service.usesBroker()) {
      BrokerAccount account = BrokerAccount.ofService(service.serviceName());
      arguments.add("--spring.rabbitmq.username=" + account.username());
      arguments.add("--spring.rabbitmq.password=" + brokerPasswords.of(account));
    }
    settings.forEach((name, value) -> arguments.add("--" + name + "=" + value));
    try {
      return standaloneApplication(service).run(arguments.toArray(String[]::new));
    } catch (RuntimeException e) {
      throw new ServiceStartException(service, e);
    }
  }

  /**
   * Spring Cloud's {@link LoggingSystemShutdownListener} (there for its legacy bootstrap context,
   * which Airtix does not use) tears the logging system down whenever an application prepares its
   * environment. With the services starting side by side, one service's logging then resets while
   * the other's sets up, and that service fails to start ("Unable to find Spring Environment in
   * logger context"). Without it, every service keeps the logging set up once above.
   */
  SpringApplicationBuilder standaloneApplication(LaunchableService service) {
    SpringApplicationBuilder builder =
        new SpringApplicationBuilder(service.application())
            .bannerMode(Banner.Mode.OFF)
            .properties(service.classPathSharing());
    SpringApplication application = builder.application();
    application.setListeners(
        application.getListeners().stream()
            .filter(listener -> !(listener instanceof LoggingSystemShutdownListener))
            .toList());
    return builder;
  }

  private synchronized void register(ConfigurableApplicationContext context) {
    running.add(context);
  }

  /** A service that did not start; names it, since the cause alone rarely does. */
  public static final class ServiceStartException extends RuntimeException {

    ServiceStartException(LaunchableService service, Throwable cause) {
      super(
          "The "
              + service.serviceName()
              + " service did not start on port "
              + service.port()
              + ": "
              + describe(rootCause(cause)),
          cause);
    }

    private static String describe(Throwable cause) {
      return cause.getMessage() != null ? cause.getMessage() : cause.toString();
    }

    private static Throwable rootCause(Throwable failure) {
      Throwable cause = failure;
      while (cause.getCause() != null && cause.getCause() != cause) {
        cause = cause.getCause();
      }
      return cause;
    }
  }

  public static RuntimeException unwrap(Throwable failure) {
    Throwable cause =
        failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    return cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
  }
}
