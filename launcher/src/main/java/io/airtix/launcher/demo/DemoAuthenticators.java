package io.airtix.launcher.demo;

import io.airtix.keycloakclient.AuthenticatorApp;
import io.airtix.launcher.secrets.SecretFile;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * The authenticator apps of the demo accounts that must sign in with a second factor (the platform
 * admin and the tenant admins): each is set up when the demo data first logs its person in, and
 * kept in the data folder so that {@code ./airtix token} and {@code ./airtix otp} answer Keycloak's
 * code prompt later, as the person's phone would. With each key the file keeps the time step of the
 * last code given out: Keycloak accepts every code once only.
 */
public final class DemoAuthenticators {

  static final String FILE_NAME = "demo-authenticators.properties";

  private final Path file;

  public DemoAuthenticators(Path dataDir) {
    this.file = dataDir.resolve(FILE_NAME);
  }

  /**
   * The person's app as kept, or a new one that the next login sets up when Keycloak asks for it.
   */
  public synchronized AuthenticatorApp of(String username) {
    Properties kept = read();
    String key = kept.getProperty(username + ".key");
    if (key == null) {
      return new AuthenticatorApp();
    }
    return AuthenticatorApp.withKey(
        key,
        Long.parseLong(kept.getProperty(username + ".last-step", Long.toString(Long.MIN_VALUE))));
  }

  /** The person's app only when it has been set up. */
  public Optional<AuthenticatorApp> setUp(String username) {
    AuthenticatorApp app = of(username);
    return app.key().isPresent() ? Optional.of(app) : Optional.empty();
  }

  /**
   * Keeps the app's key and last code after a login or a code given out; an app without a key is
   * not kept.
   */
  public synchronized void keep(String username, AuthenticatorApp app) {
    if (app.key().isEmpty()) {
      return;
    }
    Properties kept = read();
    kept.setProperty(username + ".key", app.key().get());
    kept.setProperty(username + ".last-step", Long.toString(app.lastStep()));
    write(kept);
  }

  private Properties read() {
    Properties kept = new Properties();
    if (Files.exists(file)) {
      try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        kept.load(reader);
      } catch (IOException e) {
        throw new UncheckedIOException(
            "Could not read the demo accounts' authenticator keys in " + file, e);
      }
    }
    return kept;
  }

  private void write(Properties kept) {
    Path temporary = file.resolveSibling(FILE_NAME + ".new");
    try {
      StringWriter text = new StringWriter();
      kept.store(text, "Authenticator keys of the demo accounts that sign in with a second factor");
      SecretFile.write(temporary, text.toString());
      // whole or not at all: a key lost half-way would lock the demo account out of browserless
      // logins
      Files.move(
          temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Could not keep the demo accounts' authenticator keys in " + file, e);
    }
  }
}
