package io.airtix.launcher.token;

import io.airtix.keycloakclient.AuthenticatorApp;
import io.airtix.keycloakclient.LoginFailedException;
import io.airtix.keycloakclient.Tokens;
import io.airtix.launcher.demo.DemoAuthenticators;
import io.airtix.launcher.demo.DemoCatalog;
import io.airtix.launcher.keycloak.WebLogin;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * {@code ./airtix token <username>}: logs a person in to the running Airtix and prints their access
 * token, and nothing else, on standard output, so {@code TOKEN=$(./airtix token aerolux-agent)} is
 * ready for curl. Starts nothing: it only talks to the Keycloak a running launcher started.
 */
public final class TokenCommand {

  private final WebLogin login;
  private final DemoAuthenticators authenticators;
  private final Map<String, String> environment;
  private final PasswordPrompt prompt;
  private final PrintStream out;
  private final PrintStream err;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  TokenCommand(
      WebLogin login,
      DemoAuthenticators authenticators,
      Map<String, String> environment,
      PasswordPrompt prompt,
      PrintStream out,
      PrintStream err) {
    this.login = login;
    this.authenticators = authenticators;
    this.environment = environment;
    this.prompt = prompt;
    this.out = out;
    this.err = err;
  }

  /**
   * Against the Keycloak of the standalone launcher, with this process's environment, terminal and
   * output, and the demo accounts' authenticator apps kept in {@code dataDir}.
   */
  public static TokenCommand standalone(Path dataDir) {
    return new TokenCommand(
        WebLogin.standalone(),
        new DemoAuthenticators(dataDir),
        System.getenv(),
        new TerminalPasswordPrompt(),
        System.out,
        System.err);
  }

  /**
   * Prints the token; returns the process's exit code: 0 with a token printed, 1 with the reason on
   * stderr.
   */
  public int print(String username) {
    try {
      requireRealm();
      String password = LoginPassword.of(username, environment, prompt);
      out.println(login(username, password).accessToken());
      out.flush();
      return 0;
    } catch (TokenException e) {
      err.println(e.getMessage());
    } catch (LoginFailedException | UncheckedIOException e) {
      err.println("Could not log in as " + username + ": " + e.getMessage());
    }
    return 1;
  }

  /**
   * Demo admins answer Keycloak's second-factor prompt with the app the demo set up for them.
   * Anybody else has no app here: Keycloak asking them for a code ends the login with a message
   * saying so.
   */
  private Tokens login(String username, String password) {
    if (!DemoCatalog.isDemoAccount(username)) {
      return login.login(username, password, null);
    }
    AuthenticatorApp app = authenticators.of(username);
    try {
      return login.login(username, password, app);
    } finally {
      authenticators.keep(username, app);
    }
  }

  /** Asked first, so nobody types a password only to learn that Airtix is not running. */
  private void requireRealm() {
    int status;
    try {
      status =
          http.send(
                  HttpRequest.newBuilder(login.discoveryUrl())
                      .timeout(Duration.ofSeconds(10))
                      .build(),
                  BodyHandlers.discarding())
              .statusCode();
    } catch (IOException e) {
      throw new TokenException(
          "Keycloak does not answer at "
              + login.keycloakBaseUrl()
              + ": is Airtix running?"
              + " Start it with ./airtix and ask again once it says \"Airtix started\".");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TokenException("Interrupted while calling Keycloak at " + login.keycloakBaseUrl());
    }
    if (status != 200) {
      throw new TokenException(
          "Keycloak at "
              + login.keycloakBaseUrl()
              + " has no realm "
              + login.realm()
              + " (it answered "
              + status
              + "): is Airtix still starting? Ask again once it says \"Airtix started\".");
    }
  }
}
