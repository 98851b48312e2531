package io.airtix.infra.compose;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code infra/compose/compose.yaml} under a project name of its own, driven through the compose
 * command line as an operator drives it: {@code docker compose} where the plugin is installed, else
 * {@code docker-compose}.
 */
final class ComposeStack {

  private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(10);

  private final Path directory;
  private final String project;
  private final Path envFile;
  private final List<String> files;
  private final List<String> compose;

  ComposeStack(Path directory, String project, Path envFile, List<String> files) {
    this.directory = directory;
    this.project = project;
    this.envFile = envFile;
    this.files = List.copyOf(files);
    this.compose = composeCommand();
  }

  /**
   * The .env that {@code new-env.sh} prints, a new secret in every secret's line, with the given
   * values in place of the example's.
   */
  static Map<String, String> newEnv(Path directory, Map<String, String> values) {
    Result printed = run(directory, List.of("bash", directory.resolve("new-env.sh").toString()));
    if (printed.exitCode() != 0) {
      throw new IllegalStateException("new-env.sh failed: " + printed.output());
    }
    Map<String, String> env = new LinkedHashMap<>();
    for (String line : printed.output().split("\n")) {
      if (!line.isBlank() && !line.startsWith("#")) {
        int equals = line.indexOf('=');
        env.put(line.substring(0, equals), line.substring(equals + 1));
      }
    }
    env.putAll(values);
    return env;
  }

  static void writeEnv(Path file, Map<String, String> env) {
    StringBuilder text = new StringBuilder();
    env.forEach((name, value) -> text.append(name).append('=').append(value).append('\n'));
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Result compose(String... arguments) {
    List<String> command = new ArrayList<>(compose);
    command.addAll(List.of("--project-name", project, "--env-file", envFile.toString()));
    for (String file : files) {
      command.addAll(List.of("--file", directory.resolve(file).toString()));
    }
    command.addAll(List.of(arguments));
    return run(directory, command);
  }

  /** Like {@link #compose(String...)}, failing with the command's output unless it succeeds. */
  String composeOrFail(String... arguments) {
    Result result = compose(arguments);
    if (result.exitCode() != 0) {
      throw new IllegalStateException(
          "compose " + String.join(" ", arguments) + " failed:\n" + result.output());
    }
    return result.output();
  }

  /** The id of the service's container. */
  String container(String service) {
    return composeOrFail("ps", "-q", service).strip();
  }

  static Result docker(String... arguments) {
    List<String> command = new ArrayList<>(List.of("docker"));
    command.addAll(List.of(arguments));
    return run(Path.of("."), command);
  }

  private static List<String> composeCommand() {
    return run(Path.of("."), List.of("docker", "compose", "version")).exitCode() == 0
        ? List.of("docker", "compose")
        : List.of("docker-compose");
  }

  private static Result run(Path directory, List<String> command) {
    try {
      Process process =
          new ProcessBuilder(command)
              .directory(directory.toFile())
              .redirectErrorStream(true)
              .start();
      process.getOutputStream().close();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(String.join(" ", command) + " did not end in time");
      }
      return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("could not run " + String.join(" ", command), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  record Result(int exitCode, String output) {}
}
