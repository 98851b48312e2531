package io.airtix.launcher;

import io.airtix.events.broker.BrokerAccount;
import io.airtix.events.broker.BrokerPasswords;
import io.airtix.launcher.LaunchOptions.UsageException;
import io.airtix.launcher.broker.RabbitMqAccounts;
import io.airtix.launcher.broker.StandaloneBroker;
import io.airtix.launcher.demo.DemoAccount;
import io.airtix.launcher.demo.DemoAuthenticators;
import io.airtix.launcher.demo.DemoCatalog;
import io.airtix.launcher.demo.DemoData;
import io.airtix.launcher.keycloak.AdminPassword;
import io.airtix.launcher.keycloak.KeycloakAdmin;
import io.airtix.launcher.keycloak.KeycloakFiles;
import io.airtix.launcher.keycloak.KeycloakInstallation;
import io.airtix.launcher.keycloak.KeycloakServer;
import io.airtix.launcher.keycloak.KeycloakServer.KeycloakStartException;
import io.airtix.launcher.mail.MailCatcher;
import io.airtix.launcher.services.EmbeddedServices;
import io.airtix.launcher.services.LaunchableService;
import io.airtix.launcher.token.OtpCommand;
import io.airtix.launcher.token.TokenCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * Airtix in one command: Keycloak as a child process, the event broker, every service and the
 * gateway in this JVM, the demo data, and a summary of where everything is. With {@code --only} it
 * runs a single component instead, which is how the distributed mode gives each its own process.
 */
public final class Airtix {

  private static final Duration KEYCLOAK_TIMEOUT = Duration.ofMinutes(5);

  /** How the tenants service is given its secret outside the launcher, see tenants.yaml. */
  private static final String TENANTS_CLIENT_SECRET_VARIABLE =
      "AIRTIX_TENANTS_KEYCLOAK_CLIENT_SECRET";

  /**
   * How long a reservation holds its ticket: the orders service's airtix.orders.hold, by relaxed
   * binding.
   */
  private static final String HOLD_VARIABLE = "AIRTIX_ORDERS_HOLD";

  private final LaunchOptions options;
  private final Console console;
  private final Path dataDir;
  private final KeycloakServer keycloak;
  private final EmbeddedServices services;
  private final StandaloneBroker broker;

  /** New at every start: the embedded broker keeps its accounts in memory only. */
  private final BrokerPasswords brokerPasswords = BrokerPasswords.generate();

  private volatile boolean stopping;

  Airtix(LaunchOptions options, Console console) {
    this.options = options;
    this.console = console;
    this.dataDir = options.dataDir();
    this.keycloak =
        new KeycloakServer(
            keycloakHome(), dataDir.resolve("logs/keycloak.log"), dataDir.resolve("keycloak.pid"));
    this.services = new EmbeddedServices(dataDir, brokerPasswords);
    this.broker = new StandaloneBroker(dataDir, brokerPasswords);
  }

  public static void main(String[] args) {
    LaunchOptions options;
    try {
      options = LaunchOptions.parse(args);
    } catch (UsageException e) {
      System.err.println(e.getMessage());
      System.err.print(LaunchOptions.USAGE);
      System.exit(2);
      return;
    }
    if (options.help()) {
      System.out.print(LaunchOptions.USAGE);
      return;
    }
    if (options.printsToken()) {
      // before anything else is set up: a token is wanted quickly, from the Airtix that runs
      // already
      System.exit(TokenCommand.standalone(options.dataDir()).print(options.tokenFor()));
    }
    if (options.printsOtp()) {
      System.exit(OtpCommand.standalone(options.dataDir()).print(options.otpFor()));
    }
    Airtix airtix = new Airtix(options, Console.system());
    try {
      airtix.run();
    } catch (KeycloakStartException e) {
      airtix.fail(
          "Airtix could not start: " + e.getMessage() + System.lineSeparator() + e.logTail());
    } catch (RuntimeException e) {
      RuntimeException failure = EmbeddedServices.unwrap(e);
      airtix.fail(
          "Airtix could not start: "
              + (failure.getMessage() != null ? failure.getMessage() : failure.toString()));
    }
  }

  void run() {
    createDataDir();
    if (options.runsEverything()) {
      runEverything();
    } else {
      runOnly(options.only());
    }
  }

  private void runEverything() {
    Instant start = Instant.now();
    console.println("Starting Airtix (data in " + dataDir + ")");
    stopKeycloakOnExit();
    stopBrokerAfterServicesOnExit();
    // before Keycloak, which sends its mails (verification, password reset) to it from its first
    // request on
    startMailCatcher();

    // the broker logs into the services' log file, so that file is set up first
    services.initializeLoggingOnce();
    CompletableFuture<Duration> brokerUp = broker.startInBackground();
    // the services' outbox relays and inboxes connect as they start, so they wait for the broker
    // (about 2 s)
    CompletableFuture<Duration> servicesUp =
        brokerUp.thenCompose(
            brokerReady -> services.startInBackground(LaunchableService.BESIDE_KEYCLOAK, Map.of()));
    console.step(
        "Starting the event broker, then "
            + names(LaunchableService.BESIDE_KEYCLOAK)
            + ", in the background");
    Instant keycloakStart = startKeycloak();
    console.step(
        "Event broker ready after "
            + Console.seconds(brokerUp.join())
            + " (AMQP on port "
            + StandaloneBroker.PORT
            + ", store: broker/)");

    Duration keycloakReady = keycloak.awaitReady(keycloakStart, KEYCLOAK_TIMEOUT);
    console.step("Keycloak ready after " + Console.seconds(keycloakReady));
    // the tenants service cannot start without its client's secret, which only the running Keycloak
    // knows
    CompletableFuture<Duration> tenantsUp =
        services.startInBackground(List.of(LaunchableService.TENANTS), tenantsCredentials());
    console.step("Starting the tenants service");
    Duration servicesReady = servicesUp.join();
    console.step(
        "Ready after "
            + Console.seconds(servicesReady)
            + ": "
            + names(LaunchableService.BESIDE_KEYCLOAK));
    Duration tenantsReady = tenantsUp.join();
    console.step(
        "Tenants service ready after "
            + Console.seconds(tenantsReady)
            + " (it starts once Keycloak is)");

    if (options.demoData()) {
      createDemoData();
    }
    printSummary();
    console.println(
        "Airtix started in "
            + Console.seconds(Duration.between(start, Instant.now()))
            + ". Press Ctrl-C to stop.");
    watchKeycloak();
  }

  private void runOnly(String component) {
    switch (component) {
      case "keycloak" -> {
        stopKeycloakOnExit();
        Duration ready = keycloak.awaitReady(startKeycloak(), KEYCLOAK_TIMEOUT);
        console.step(
            "Keycloak ready after "
                + Console.seconds(ready)
                + " at "
                + KeycloakServer.BASE_URL
                + " (admin / "
                + AdminPassword.of(dataDir)
                + ")");
        watchKeycloak();
      }
      case "demo-data" -> createDemoData();
      case "broker-accounts" -> {
        String virtualHost = System.getenv().getOrDefault("RABBITMQ_VIRTUAL_HOST", "/");
        Path definitions = new RabbitMqAccounts(dataDir).writeAndImport(virtualHost);
        console.step(
            "The services' and Keycloak's broker accounts are in this machine's RabbitMQ"
                + " (definitions: "
                + definitions
                + ")");
      }
      case "mail" -> {
        startMailCatcher();
        awaitStop();
      }
      case "tenants" ->
          services.startAlone(LaunchableService.TENANTS, tenantsCredentialsUnlessGiven());
      default -> services.startAlone(LaunchableService.named(component), Map.of());
    }
  }

  private void startMailCatcher() {
    MailCatcher mail = MailCatcher.startStandalone();
    Runtime.getRuntime().addShutdownHook(new Thread(mail::close, "airtix-stop-mail"));
    console.step(
        "Mail catcher ready: read the mails at "
            + mail.pageUrl()
            + " (SMTP on port "
            + mail.smtpPort()
            + ")");
  }

  /** Keeps a process whose only work runs on other threads alive until it is stopped. */
  private static void awaitStop() {
    try {
      new CountDownLatch(1).await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Instant startKeycloak() {
    KeycloakInstallation installation = new KeycloakInstallation(keycloakHome(), console);
    boolean firstStart = installation.prepare(KeycloakFiles.besideLauncher(Airtix.class));
    console.step(
        firstStart
            ? "Starting Keycloak; the first start builds it, which takes about a minute (log: logs/keycloak.log)"
            : "Starting Keycloak (log: logs/keycloak.log)");
    Instant start = Instant.now();
    keycloak.start(AdminPassword.of(dataDir), brokerLogin());
    return start;
  }

  /**
   * Standalone, Keycloak's events go to the embedded broker under Keycloak's own account; alone
   * (the distributed mode), the environment names the broker and the account.
   */
  private Map<String, String> brokerLogin() {
    if (!options.runsEverything()) {
      return Map.of();
    }
    return Map.of(
        "KC_SPI_EVENTS_LISTENER__AIRTIX__BROKER_USERNAME",
        BrokerAccount.KEYCLOAK.username(),
        "KC_SPI_EVENTS_LISTENER__AIRTIX__BROKER_PASSWORD",
        brokerPasswords.of(BrokerAccount.KEYCLOAK));
  }

  private Map<String, String> tenantsCredentials() {
    return Map.of(
        LaunchableService.TENANTS_CLIENT_SECRET,
        KeycloakAdmin.tenantsClientSecret(
            KeycloakServer.BASE_URL, KeycloakServer.REALM, AdminPassword.of(dataDir)));
  }

  /**
   * The distributed mode's tenants process: a secret given in the environment (as a secret store
   * would give it) wins; without one, it is read from the Keycloak that {@code --only keycloak}
   * runs on this data folder, once it is up.
   */
  private Map<String, String> tenantsCredentialsUnlessGiven() {
    String given = System.getenv(TENANTS_CLIENT_SECRET_VARIABLE);
    if (given != null && !given.isBlank()) {
      return Map.of();
    }
    console.step("Waiting for Keycloak to ask for the tenants client's secret");
    KeycloakAdmin.awaitRealm(KeycloakServer.readinessUrl(), KEYCLOAK_TIMEOUT);
    return tenantsCredentials();
  }

  private void createDemoData() {
    console.step("Checking the demo data");
    try {
      DemoData.Created created =
          new DemoData(
                  KeycloakServer.BASE_URL,
                  KeycloakServer.REALM,
                  AdminPassword.of(dataDir),
                  URI.create(LaunchableService.TENANTS.baseUrl()),
                  URI.create(LaunchableService.TICKETS.baseUrl()),
                  URI.create("http://localhost:" + MailCatcher.PAGE_PORT),
                  Clock.systemUTC(),
                  new DemoAuthenticators(dataDir))
              .ensurePresent();
      console.step(
          created.nothing()
              ? "Demo data present"
              : "Demo data created: "
                  + created.accounts()
                  + " accounts, "
                  + created.airlines()
                  + " airlines, "
                  + created.staff()
                  + " staff members, "
                  + created.tickets()
                  + " tickets");
      created.notes().forEach(console::warn);
    } catch (RuntimeException e) {
      // the platform works without demo data; say what went wrong and keep running
      console.warn("Could not create the demo data: " + e.getMessage());
    }
  }

  private void printSummary() {
    String password = AdminPassword.of(dataDir);
    console.println("");
    console.println("  Airtix             http://localhost:8080");
    console.println(
        "  API description    "
            + LaunchableService.GATEWAY.baseUrl()
            + "/api-docs   (the services' APIs in one, Swagger UI)");
    console.println(
        "  Keycloak           "
            + KeycloakServer.BASE_URL
            + "   (your account: "
            + KeycloakServer.realmUrl()
            + "/account)");
    console.println(
        "  Keycloak admin     "
            + KeycloakServer.BASE_URL
            + "/admin   user admin, password "
            + password);
    console.println("  Tickets API        " + LaunchableService.GATEWAY.baseUrl() + "/api/tickets");
    console.println("  Orders API         " + LaunchableService.GATEWAY.baseUrl() + "/api/orders");
    console.println(
        "                     an airline's orders: "
            + LaunchableService.GATEWAY.baseUrl()
            + "/api/airlines/{airline}/orders");
    console.println(
        "  Airlines API       " + LaunchableService.GATEWAY.baseUrl() + "/api/airlines");
    console.println(
        "  Payments API       "
            + LaunchableService.GATEWAY.baseUrl()
            + "/api/payments   ("
            + paymentProvider()
            + ")");
    console.println(
        "  Live updates       ws://localhost:"
            + LaunchableService.GATEWAY.port()
            + "/api/live, "
            + LaunchableService.GATEWAY.baseUrl()
            + "/api/live/stream   (WebSocket, Server-Sent Events)");
    console.println(
        "  Expiration         "
            + LaunchableService.EXPIRATION.managementUrl()
            + "/actuator/health   (ends holds"
            + " after "
            + System.getenv().getOrDefault(HOLD_VARIABLE, "15m")
            + "; set "
            + HOLD_VARIABLE
            + " to change)");
    console.println("  Logs               " + dataDir.resolve("logs"));
    if (options.demoData()) {
      console.println("");
      console.println("  Demo accounts (password " + DemoAccount.PASSWORD + "):");
      for (DemoAccount account : DemoCatalog.ACCOUNTS) {
        console.println(String.format("    %-22s %s", account.username(), account.role()));
      }
      console.println(
          "  Tenant admins manage their own airline's staff in the admin console too: "
              + KeycloakServer.BASE_URL
              + "/admin/"
              + KeycloakServer.REALM
              + "/console/");
      console.println(
          "  The platform admin and the tenant admins sign in with a second factor: their authenticator"
              + " code for a browser sign-in is printed by  ./airtix otp "
              + DemoCatalog.tenantAdminOf("aerolux").username());
      console.println("");
      console.println(
          "  An access token for curl:  TOKEN=$(./airtix token "
              + DemoCatalog.agentOf("aerolux").username()
              + ")");
    }
    console.println("");
  }

  private void stopKeycloakOnExit() {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  stopping = true;
                  if (keycloak.isRunning()) {
                    console.println("Stopping Airtix…");
                    keycloak.stop();
                    console.println("Keycloak stopped.");
                  }
                },
                "airtix-stop"));
  }

  /**
   * The services' contexts close first (Spring Boot's own shutdown hook may be closing them
   * already; closing again waits for it), so their outbox relays and listeners stop before the
   * broker they talk to goes away; then the broker closes its Derby store cleanly. Beside
   * Keycloak's stop, which takes longer, in a hook of its own.
   */
  private void stopBrokerAfterServicesOnExit() {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  services.stopAll();
                  broker.stop();
                },
                "airtix-stop-broker"));
  }

  /**
   * Keeps the launcher alive as long as Keycloak; a Keycloak that dies on its own ends the launcher
   * too.
   */
  private void watchKeycloak() {
    int exitCode = keycloak.process().onExit().join().exitValue();
    if (!stopping) {
      fail(
          "Keycloak stopped unexpectedly (exit code "
              + exitCode
              + "), so Airtix stops too; see "
              + dataDir.resolve("logs/keycloak.log"));
    }
  }

  private void fail(String message) {
    System.err.println();
    System.err.println(message);
    System.exit(1);
  }

  private void createDataDir() {
    try {
      Files.createDirectories(dataDir.resolve("logs"));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not create the data folder " + dataDir, e);
    }
  }

  private Path keycloakHome() {
    return dataDir.resolve("keycloak");
  }

  private static String names(List<LaunchableService> services) {
    return services.stream().map(LaunchableService::serviceName).collect(Collectors.joining(", "));
  }

  /**
   * The payments service pays through Stripe only when given a key; otherwise it simulates
   * (decision 0012). The storefront's apps take cards with Stripe's Payment Element when the
   * gateway, in this JVM, has the publishable key too (decision 0036).
   */
  private static String paymentProvider() {
    if (System.getenv().getOrDefault("STRIPE_API_KEY", "").isBlank()) {
      return "simulated payments; set STRIPE_API_KEY, STRIPE_WEBHOOK_SECRET and"
          + " STRIPE_PUBLISHABLE_KEY for Stripe";
    }
    return System.getenv().getOrDefault("STRIPE_PUBLISHABLE_KEY", "").isBlank()
        ? "Stripe; set STRIPE_PUBLISHABLE_KEY for the apps' card form"
        : "Stripe, the apps' card form with STRIPE_PUBLISHABLE_KEY";
  }
}
