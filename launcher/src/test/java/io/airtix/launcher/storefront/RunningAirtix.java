package io.airtix.launcher.storefront;

import io.airtix.keycloakclient.AirtixRealm;
import io.airtix.keycloakclient.AuthenticatorApp;
import io.airtix.keycloakclient.BrowserlessLogin;
import io.airtix.keycloakclient.NewUser;
import io.airtix.launcher.Launch;
import io.airtix.launcher.demo.DemoAuthenticators;
import io.airtix.launcher.keycloak.AdminPassword;
import io.airtix.launcher.keycloak.KeycloakAdmin;
import io.airtix.testing.mail.TestMailServer;
import io.airtix.testing.sale.SaleSteps;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.keycloak.admin.client.Keycloak;
import org.springframework.util.FileSystemUtils;

/**
 * One standalone Airtix for the storefront's tests: the packaged launcher on a fresh data folder.
 * Holds last {@link #HOLD} so that an expiring hold can be watched; everything else a traveller
 * does fits well inside it.
 */
final class RunningAirtix implements AutoCloseable {

  static final URI GATEWAY = URI.create("http://localhost:8080");
  static final URI KEYCLOAK = URI.create("http://localhost:8180");
  static final URI MAIL_CATCHER = URI.create("http://localhost:8025");
  static final Duration HOLD = Duration.ofSeconds(40);

  /** As the README and the start-up summary publish it. */
  static final String DEMO_PASSWORD = "Demo-Passw0rd-2026!";

  private static final URI WEB_REDIRECT = URI.create("http://localhost:8080/react/callback");
  private static final List<Integer> PORTS =
      List.of(8080, 8081, 8082, 8083, 8084, 8085, 8086, 8180, 5673, 3025, 8025);

  private final Launch launch;
  private final Path dataDir;
  private final SaleSteps sale = new SaleSteps(GATEWAY);
  private final TestMailServer mail = TestMailServer.ofMailCatcher(MAIL_CATCHER, 3025);

  private RunningAirtix(Launch launch, Path dataDir) {
    this.launch = launch;
    this.dataDir = dataDir;
  }

  static RunningAirtix start() {
    Path jar = Path.of(required("airtix.launcher.jar"));
    Path dataDir = Path.of(required("airtix.launcher.target")).resolve("storefront");
    for (int port : PORTS) {
      if (Launch.isListening(port)) {
        throw new IllegalStateException(
            "port " + port + " is in use: another Airtix or Keycloak runs on this machine");
      }
    }
    try {
      FileSystemUtils.deleteRecursively(dataDir);
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Launch launch =
        Launch.start(
            jar, dataDir, "storefront", Map.of("AIRTIX_ORDERS_HOLD", HOLD.toSeconds() + "s"));
    RunningAirtix airtix = new RunningAirtix(launch, dataDir);
    try {
      launch.awaitStarted();
    } catch (RuntimeException | Error e) {
      launch.stopForcefully();
      throw e;
    }
    return airtix;
  }

  SaleSteps sale() {
    return sale;
  }

  TestMailServer mail() {
    return mail;
  }

  /** A traveller of their own for one test: no holds or rate limits shared with another test. */
  NewUser newTraveller(String name) {
    String marker = name + "-" + UUID.randomUUID().toString().substring(0, 8);
    NewUser person =
        NewUser.customer(
            marker, marker + "@example.org", "Tess", "Traveller " + marker, DEMO_PASSWORD);
    try (Keycloak admin = KeycloakAdmin.connect(KEYCLOAK, AdminPassword.of(dataDir))) {
      new AirtixRealm(admin).createUser(person);
    }
    return person;
  }

  /** An access token of a person signing in to the web client, a demo admin with their app. */
  String accessToken(String username, String password) {
    DemoAuthenticators authenticators = new DemoAuthenticators(dataDir);
    AuthenticatorApp app = authenticators.of(username);
    try {
      return BrowserlessLogin.login(
              KEYCLOAK, AirtixRealm.NAME, "airtix-web", WEB_REDIRECT, username, password, app)
          .accessToken();
    } finally {
      authenticators.keep(username, app);
    }
  }

  /**
   * The code a demo admin's authenticator app shows now, for Keycloak's second-factor prompt in a
   * browser; never one given out before.
   */
  String oneTimeCode(String username) {
    DemoAuthenticators authenticators = new DemoAuthenticators(dataDir);
    AuthenticatorApp app = authenticators.of(username);
    try {
      return app.nextCode();
    } finally {
      authenticators.keep(username, app);
    }
  }

  @Override
  public void close() {
    launch.stopForcefully();
  }

  private static String required(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          "system property " + name + " is set by the launcher's failsafe configuration");
    }
    return value;
  }
}
