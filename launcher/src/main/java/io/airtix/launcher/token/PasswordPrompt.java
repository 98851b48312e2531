package io.airtix.launcher.token;

import java.util.Optional;

/** Asks the person at the keyboard for a password without showing it. */
@FunctionalInterface
interface PasswordPrompt {

  /**
   * The password typed in answer to {@code question}; empty when nobody can be asked (no terminal).
   */
  Optional<String> ask(String question);
}
