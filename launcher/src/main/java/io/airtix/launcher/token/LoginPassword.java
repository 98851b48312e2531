package io.airtix.launcher.token;

import io.airtix.launcher.demo.DemoAccount;
import io.airtix.launcher.demo.DemoCatalog;
import java.util.Map;

/**
 * Where the password for a token comes from: demo accounts have a published one; anybody else's is
 * given in {@value #ENVIRONMENT_VARIABLE} (scripts) or typed on the terminal (people).
 */
final class LoginPassword {

  static final String ENVIRONMENT_VARIABLE = "AIRTIX_PASSWORD";

  private LoginPassword() {}

  static String of(String username, Map<String, String> environment, PasswordPrompt prompt) {
    if (DemoCatalog.isDemoAccount(username)) {
      return DemoAccount.PASSWORD;
    }
    String given = environment.get(ENVIRONMENT_VARIABLE);
    if (given != null && !given.isEmpty()) {
      return given;
    }
    return prompt
        .ask("Password for " + username + ": ")
        .orElseThrow(
            () ->
                new TokenException(
                    username
                        + " is not a demo account and there is no terminal to ask"
                        + " for their password: set "
                        + ENVIRONMENT_VARIABLE
                        + " to it."));
  }
}
