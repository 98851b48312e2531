package io.airtix.broker;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * RabbitMQ's command line tool on this machine, for setting up a RabbitMQ that runs here (the
 * distributed mode on one machine, and tests against the machine's RabbitMQ).
 */
public final class RabbitMqCtl {

  private RabbitMqCtl() {}

  /**
   * Adds or updates what {@code definitions} define. They go on standard input: rabbitmqctl may run
   * as the broker's own user, who need not be able to read the caller's files.
   */
  public static void importDefinitions(String definitions) {
    run(definitions, "import_definitions");
  }

  /** Deletes a virtual host with everything in it, if it exists. */
  public static void deleteVirtualHost(String virtualHost) {
    runIgnoringFailure("delete_vhost", virtualHost);
  }

  private static void runIgnoringFailure(String... arguments) {
    try {
      run("", arguments);
    } catch (RabbitMqCtlException notThere) {
      // nothing to delete
    }
  }

  private static void run(String input, String... arguments) {
    List<String> command = new ArrayList<>(List.of("rabbitmqctl", "-q"));
    command.addAll(List.of(arguments));
    String what = "rabbitmqctl " + String.join(" ", arguments);
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      try (OutputStream stdin = process.getOutputStream()) {
        stdin.write(input.getBytes(StandardCharsets.UTF_8));
      }
      String output;
      try (InputStream stdout = process.getInputStream()) {
        output = new String(stdout.readAllBytes(), StandardCharsets.UTF_8);
      }
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new RabbitMqCtlException(what + " did not finish within 60 s");
      }
      if (process.exitValue() != 0) {
        throw new RabbitMqCtlException(
            what + " failed (exit code " + process.exitValue() + "): " + output.strip());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          what + " could not run: is RabbitMQ installed on this machine?", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RabbitMqCtlException(what + " was interrupted");
    }
  }

  /** rabbitmqctl failed or hung; its message says why. */
  public static final class RabbitMqCtlException extends RuntimeException {
    RabbitMqCtlException(String message) {
      super(message);
    }
  }
}
