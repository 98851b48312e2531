package io.airtix.launcher.token;

import io.airtix.keycloakclient.AuthenticatorApp;
import io.airtix.launcher.demo.DemoAuthenticators;
import io.airtix.launcher.demo.DemoCatalog;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code ./airtix otp <username>}: prints the one-time code that a demo admin's authenticator app
 * shows now, and nothing else, on standard output, for their sign-in in a browser; the app's key
 * goes to standard error for whoever wants to add it to an authenticator app of their own. Starts
 * nothing and calls nobody: the key is in the data folder.
 */
public final class OtpCommand {

  private final DemoAuthenticators authenticators;
  private final PrintStream out;
  private final PrintStream err;

  OtpCommand(DemoAuthenticators authenticators, PrintStream out, PrintStream err) {
    this.authenticators = authenticators;
    this.out = out;
    this.err = err;
  }

  /** With the demo accounts' apps kept in {@code dataDir}, and this process's output. */
  public static OtpCommand standalone(Path dataDir) {
    return new OtpCommand(new DemoAuthenticators(dataDir), System.out, System.err);
  }

  /**
   * Prints the code; returns the process's exit code: 0 with a code printed, 1 with the reason on
   * stderr.
   */
  public int print(String username) {
    if (!DemoCatalog.isDemoAccount(username)) {
      err.println(
          username
              + " is not a demo account: only the demo platform and tenant admins have an authenticator"
              + " app that Airtix keeps. Everybody else reads the code from their own app.");
      return 1;
    }
    Optional<AuthenticatorApp> app = authenticators.setUp(username);
    if (app.isEmpty()) {
      err.println(
          username
              + " has no authenticator app yet: the demo sets one up for each platform and tenant admin"
              + " when it creates the demo data (./airtix). Agents and travellers sign in without a second factor.");
      return 1;
    }
    String code = app.get().nextCode();
    // given out: the next token or code of this person must not reuse it
    authenticators.keep(username, app.get());
    out.println(code);
    out.flush();
    err.println(
        "(the key of "
            + username
            + "'s authenticator app, for an app of your own: "
            + app.get().key().get()
            + ")");
    return 0;
  }
}
