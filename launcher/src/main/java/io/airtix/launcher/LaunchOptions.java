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
 * @param only one component to run in this process, for the distributed mode; {@code null} runs
 *     everything
 * @param demoData whether to create the demo airlines, accounts and tickets when they are missing
 * @param help whether to print the usage and stop
 * @param tokenFor the user whose access token to print instead of starting anything; {@code null}
 *     starts Airtix
 * @param otpFor the demo account whose current one-time code to print instead of starting anything
 */
public record LaunchOptions(
    Path dataDir, String only, boolean demoData, boolean help, String tokenFor, String otpFor) {

  static final Set<String> COMPONENTS =
      Set.of(
          "keycloak",
          "tickets",
          "orders",
          "expiration",
          "payments",
          "broker-accounts",
          "tenants",
          "live",
          "gateway",
          "mail",
          "demo-data");

  static final String TOKEN_COMMAND = "token";
  static final String OTP_COMMAND = "otp";

  static final String USAGE =
      """
      Usage: ./airtix [options]
             ./airtix token <username>
             ./airtix otp <username>

      Starts Keycloak, the Airtix services and the gateway, creates the demo data once, and runs until Ctrl-C.

      Options:
        --data-dir <dir>     where Keycloak, the databases and the logs are kept (default: ./data)
        --no-demo-data       do not create the demo airlines, accounts and tickets
        --only <component>   run a single component in this process: keycloak, tickets, orders,
                             expiration, payments, tenants, live, gateway, mail (the mail catcher), demo-data
                             (creates the demo data against running servers, then exits) or
                             broker-accounts (writes the RabbitMQ accounts of the services and Keycloak
                             to import into RabbitMQ, then exits); the distributed
                             mode on one machine starts one process per
                             component this way. tenants takes its client secret from
                             AIRTIX_TENANTS_KEYCLOAK_CLIENT_SECRET, or else asks the Keycloak of the same
                             data folder for it once that is up
        --help               show this help

      Commands:
        token <username>     log <username> in to the running Airtix and print only their access token,
                             for curl and scripts:  TOKEN=$(./airtix token aerolux-agent)
                             Demo accounts need no password; for anyone else it is taken from the
                             environment variable AIRTIX_PASSWORD, or asked for on the terminal.
        otp <username>       print the one-time code that the authenticator app of a demo platform or tenant
                             admin shows now (they sign in with a second factor; the demo set their app up,
                             keeping its key in the data folder), for their sign-in in a browser
      """;

  public static LaunchOptions parse(String... args) {
    List<String> remaining = new ArrayList<>(List.of(args));
    if (!remaining.isEmpty() && remaining.get(0).equals(TOKEN_COMMAND)) {
      return parseToken(remaining.subList(1, remaining.size()));
    }
    if (!remaining.isEmpty() && remaining.get(0).equals(OTP_COMMAND)) {
      return parseOtp(remaining.subList(1, remaining.size()));
    }
    Path dataDir = Path.of("data");
    String only = null;
    boolean demoData = true;
    boolean help = false;
    while (!remaining.isEmpty()) {
      String arg = remaining.remove(0);
      String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      switch (name) {
        case "--data-dir" -> dataDir = Path.of(value(arg, remaining));
        case "--only" -> only = component(value(arg, remaining));
        case "--no-demo-data" -> demoData = false;
        case "--help", "-h" -> help = true;
        case TOKEN_COMMAND ->
            throw new UsageException("token is a command of its own: ./airtix token <username>");
        case OTP_COMMAND ->
            throw new UsageException("otp is a command of its own: ./airtix otp <username>");
        default -> throw new UsageException("Unknown option " + arg);
      }
    }
    return new LaunchOptions(absolute(dataDir), only, demoData, help, null, null);
  }

  public boolean runsEverything() {
    return only == null;
  }

  /** Whether to print an access token and exit, starting nothing. */
  public boolean printsToken() {
    return tokenFor != null;
  }

  /** Whether to print a demo account's one-time code and exit, starting nothing. */
  public boolean printsOtp() {
    return otpFor != null;
  }

  private static LaunchOptions parseToken(List<String> args) {
    boolean help = isHelp(args);
    if (!help) {
      requireOnlyUsername(
          args,
          "token needs the user name to log in, e.g. ./airtix token aerolux-agent",
          "token takes only a user name, e.g. ./airtix token aerolux-agent");
    }
    return new LaunchOptions(
        absolute(Path.of("data")), null, true, help, help ? null : args.get(0), null);
  }

  private static LaunchOptions parseOtp(List<String> args) {
    boolean help = isHelp(args);
    if (!help) {
      requireOnlyUsername(
          args,
          "otp needs the user name, e.g. ./airtix otp aerolux-admin",
          "otp takes only a user name, e.g. ./airtix otp aerolux-admin");
    }
    return new LaunchOptions(
        absolute(Path.of("data")), null, true, help, null, help ? null : args.get(0));
  }

  private static boolean isHelp(List<String> args) {
    return args.contains("--help") || args.contains("-h");
  }

  private static void requireOnlyUsername(List<String> args, String missing, String more) {
    if (args.size() != 1 || args.get(0).startsWith("-") || args.get(0).isBlank()) {
      throw new UsageException(args.isEmpty() ? missing : more + "; got " + String.join(" ", args));
    }
  }

  private static Path absolute(Path dataDir) {
    return dataDir.toAbsolutePath().normalize();
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
      throw new UsageException(
          "Unknown component "
              + name
              + "; choose one of keycloak, tickets, orders,"
              + " expiration, payments, tenants, live, gateway, mail, demo-data, broker-accounts");
    }
    return component;
  }

  /**
   * A command line the launcher cannot follow; the message says why, for the person who typed it.
   */
  public static final class UsageException extends RuntimeException {

    UsageException(String message) {
      super(message);
    }
  }
}
