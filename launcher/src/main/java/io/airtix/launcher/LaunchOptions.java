package io.airtix.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the command line asked for.
 *
 * @param dataDir where Keycloak, the service databases and the logs live between runs
 * @param only one component to run in this process, for the distributed mode; {@code null} runs everything
 * @param demoData whether to create the demo airlines, accounts and tickets when they are missing
 * @param help whether to print the usage and stop
 */
public record LaunchOptions(Path dataDir, String only, boolean demoData, boolean help) {

  static final Set<String> COMPONENTS = Set.of("keycloak", "tickets", "gateway", "demo-data");

  static final String USAGE = """
      Usage: ./airtix [options]

      Starts Keycloak, the Airtix services and the gateway, creates the demo data once, and runs until Ctrl-C.

      Options:
        --data-dir <dir>     where Keycloak, the databases and the logs are kept (default: ./data)
        --no-demo-data       do not create the demo airlines, accounts and tickets
        --only <component>   run a single component in this process: keycloak, tickets, gateway,
                             or demo-data (creates the demo data against running servers, then exits)
                             (the distributed mode starts one process per component this way)
        --help               show this help
      """;

  public static LaunchOptions parse(String... args) {
    Path dataDir = Path.of("data");
    String only = null;
    boolean demoData = true;
    boolean help = false;
    List<String> remaining = new ArrayList<>(List.of(args));
    while (!remaining.isEmpty()) {
      String arg = remaining.remove(0);
      String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      switch (name) {
        case "--data-dir" -> dataDir = Path.of(value(arg, remaining));
        case "--only" -> only = component(value(arg, remaining));
        case "--no-demo-data" -> demoData = false;
        case "--help", "-h" -> help = true;
        default -> throw new UsageException("Unknown option " + arg);
      }
    }
    return new LaunchOptions(dataDir.toAbsolutePath().normalize(), only, demoData, help);
  }

  public boolean runsEverything() {
    return only == null;
  }

  private static String value(String arg, List<String> remaining) {
    if (arg.contains("=")) {
      String value = arg.substring(arg.indexOf('=') + 1);
      if (value.isBlank()) {
        throw new UsageException(arg + " needs a value");
      }
      return value;
    }
    if (remaining.isEmpty() || remaining.get(0).startsWith("--")) {
      throw new UsageException(arg + " needs a value");
    }
    return remaining.remove(0);
  }

  private static String component(String name) {
    String component = name.toLowerCase(Locale.ROOT);
    if (!COMPONENTS.contains(component)) {
      throw new UsageException("Unknown component " + name + "; choose one of keycloak, tickets, gateway, demo-data");
    }
    return component;
  }

  /** A command line the launcher cannot follow; the message says why, for the person who typed it. */
  public static final class UsageException extends RuntimeException {

    UsageException(String message) {
      super(message);
    }
  }
}
