package io.airtix.launcher.token;

import java.io.BufferedReader;
import java.io.Console;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.util.Optional;

/**
 * Asks on the controlling terminal, like ssh and sudo do. {@code TOKEN=$(./airtix token someone)}
 * captures standard output, and then {@link System#console()} is {@code null} on Java 17 (or, on
 * newer Javas, prompts into the captured output); {@code /dev/tty} still reaches the person typing.
 * Where there is no such device, the console is asked.
 */
final class TerminalPasswordPrompt implements PasswordPrompt {

  private static final File TERMINAL = new File("/dev/tty");

  @Override
  public Optional<String> ask(String question) {
    try {
      return Optional.of(askOnTerminal(question));
    } catch (IOException noControllingTerminal) {
      Console console = System.console();
      char[] password = console == null ? null : console.readPassword("%s", question);
      return Optional.ofNullable(password).map(String::new);
    }
  }

  private static String askOnTerminal(String question) throws IOException {
    Charset charset = Charset.defaultCharset();
    try (OutputStream screen = new FileOutputStream(TERMINAL);
        BufferedReader keyboard =
            new BufferedReader(new InputStreamReader(new FileInputStream(TERMINAL), charset))) {
      screen.write(question.getBytes(charset));
      screen.flush();
      // Ctrl-C while asking must not leave the terminal without echo
      Thread restoreEcho = new Thread(() -> echo(true), "airtix-restore-echo");
      Runtime.getRuntime().addShutdownHook(restoreEcho);
      echo(false);
      try {
        String password = keyboard.readLine();
        screen.write(System.lineSeparator().getBytes(charset));
        return password == null ? "" : password;
      } finally {
        echo(true);
        Runtime.getRuntime().removeShutdownHook(restoreEcho);
      }
    }
  }

  private static void echo(boolean on) {
    try {
      new ProcessBuilder("stty", on ? "echo" : "-echo")
          .redirectInput(TERMINAL)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(ProcessBuilder.Redirect.DISCARD)
          .start()
          .waitFor();
    } catch (IOException e) {
      // no stty: the password shows as it is typed, as on any terminal without one
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
