package io.airtix.testing.services;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;

/**
 * A RabbitMQ for tests, signed in to as guest/guest, and its {@code rabbitmqctl}: the machine's own
 * command for the machine's broker, the container's own for a container. Tests that stop the broker
 * or import accounts go through {@link #ctl(String...)}, so they act on the broker they test.
 */
public final class RabbitMq {

  private final String host;
  private final int port;
  private final GenericContainer<?> container;

  private RabbitMq(String host, int port, GenericContainer<?> container) {
    this.host = host;
    this.port = port;
    this.container = container;
  }

  static RabbitMq local(String host, int port) {
    return new RabbitMq(host, port, null);
  }

  static RabbitMq inContainer(DockerImageName image) {
    GenericContainer<?> container =
        TestServices.started(
            new GenericContainer<>(image)
                .withExposedPorts(5672)
                .waitingFor(Wait.forLogMessage(".*Server startup complete.*", 1)));
    return new RabbitMq("127.0.0.1", container.getMappedPort(5672), container);
  }

  public String host() {
    return host;
  }

  public int port() {
    return port;
  }

  public String username() {
    return "guest";
  }

  public String password() {
    return "guest";
  }

  /** Runs {@code rabbitmqctl} with the arguments; returns its output, or fails with it. */
  public String ctl(String... arguments) {
    return container == null ? onThisMachine("", arguments) : inTheContainer(arguments);
  }

  /** Deletes the virtual host with everything in it, if there is one. */
  public void deleteVirtualHost(String virtualHost) {
    try {
      ctl("-q", "delete_vhost", virtualHost);
    } catch (IllegalStateException notThere) {
      // nothing to delete
    }
  }

  /** Imports RabbitMQ definitions (users, virtual hosts, permissions) given as JSON. */
  public void importDefinitions(String definitions) {
    if (container == null) {
      // on standard input: the machine's rabbitmqctl may run as the broker's own user, who need not
      // be able to read this process's files
      onThisMachine(definitions, "-q", "import_definitions");
    } else {
      String file = "/tmp/definitions-" + System.nanoTime() + ".json";
      container.copyFileToContainer(Transferable.of(definitions), file);
      ctl("-q", "import_definitions", file);
    }
  }

  private String inTheContainer(String... arguments) {
    List<String> command = command(arguments);
    try {
      ExecResult result = container.execInContainer(command.toArray(String[]::new));
      if (result.getExitCode() != 0) {
        throw new IllegalStateException(
            String.join(" ", command) + " failed: " + result.getStdout() + result.getStderr());
      }
      return result.getStdout();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String onThisMachine(String input, String... arguments) {
    List<String> command = command(arguments);
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      try (OutputStream stdin = process.getOutputStream()) {
        stdin.write(input.getBytes(StandardCharsets.UTF_8));
      }
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(2, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException(String.join(" ", command) + " did not end within 2 min");
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            String.join(" ", command)
                + " failed (exit code "
                + process.exitValue()
                + "): "
                + output.strip());
      }
      return output;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "could not run " + String.join(" ", command) + ": is RabbitMQ installed here?", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static List<String> command(String... arguments) {
    List<String> command = new ArrayList<>(List.of("rabbitmqctl"));
    command.addAll(List.of(arguments));
    return command;
  }
}
