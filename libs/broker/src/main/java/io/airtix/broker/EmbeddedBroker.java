package io.airtix.broker;

import io.airtix.events.broker.BrokerAccount;
import io.airtix.events.broker.BrokerPasswords;
import java.io.IOException;
import java.lang.reflect.Field;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.qpid.server.SystemLauncher;
import org.apache.qpid.server.SystemLauncherListener.DefaultSystemLauncherListener;
import org.apache.qpid.server.model.Broker;
import org.apache.qpid.server.model.BrokerImpl;
import org.apache.qpid.server.model.SystemConfig;
import tools.jackson.databind.json.JsonMapper;

/**
 * The AMQP 0-9-1 broker of the standalone mode (Apache Qpid Broker-J), so the services' Spring AMQP
 * code runs unchanged against it and against RabbitMQ. Exchanges, queues, bindings and persistent
 * messages live in a Derby store under the work folder: what sits in a queue when the process stops
 * is delivered after the next start.
 *
 * <p>It speaks AMQP 0-9-1 only and listens on the loopback interface: it is a local stand-in for
 * RabbitMQ, not a server to expose. The standalone mode starts it with one account per service and
 * for Keycloak ({@link BrokerAccount}), with generated passwords and access rules; tests may start
 * it with guest/guest alone. Qpid refuses RabbitMQ-only queue arguments such as {@code
 * x-dead-letter-exchange}; the platform dead-letters from the consumer side.
 */
public final class EmbeddedBroker implements AutoCloseable {

  /** 5672 may belong to a real RabbitMQ on the same machine. */
  public static final int STANDALONE_PORT = 5673;

  private static final String CONFIG_FILE = "broker-config.json";
  private static final String ACCESS_RULES_FILE = "access-rules.acl";

  private final SystemLauncher launcher;
  private final SystemConfig<?> systemConfig;
  private final int port;
  private final Path workDir;
  private volatile boolean closed;

  private EmbeddedBroker(
      SystemLauncher launcher, SystemConfig<?> systemConfig, int port, Path workDir) {
    this.launcher = launcher;
    this.systemConfig = systemConfig;
    this.port = port;
    this.workDir = workDir;
  }

  /**
   * Starts a broker on 127.0.0.1:{@code port} with one account, guest/guest, that may do anything;
   * for tests and trying the broker by hand. Returns once it accepts connections.
   */
  public static EmbeddedBroker start(Path workDir, int port) {
    return start(workDir, port, new Accounts.Guest());
  }

  /**
   * Starts a broker with one account per {@link BrokerAccount}, each with its password and allowed
   * only what {@link AccessRules} grant it; no guest. Returns once it accepts connections.
   */
  public static EmbeddedBroker start(Path workDir, int port, BrokerPasswords passwords) {
    return start(workDir, port, new Accounts.Airtix(passwords));
  }

  private static EmbeddedBroker start(Path workDir, int port, Accounts accounts) {
    Objects.requireNonNull(workDir, "workDir");
    Path home = workDir.toAbsolutePath();
    try {
      Files.createDirectories(home);
      // Derby writes derby.log into the working directory unless told otherwise
      if (System.getProperty("derby.stream.error.file") == null) {
        System.setProperty("derby.stream.error.file", home.resolve("derby.log").toString());
      }
      ResolvedSystemConfig resolved = new ResolvedSystemConfig();
      SystemLauncher launcher = new SystemLauncher(resolved);
      launcher.startup(systemConfig(home, port, accounts));
      EmbeddedBroker broker = new EmbeddedBroker(launcher, resolved.systemConfig, port, home);
      broker.awaitListening(Duration.ofSeconds(30));
      return broker;
    } catch (BrokerStartException ex) {
      throw ex;
    } catch (Exception ex) {
      throw new BrokerStartException(
          "The embedded AMQP broker did not start on port "
              + port
              + " (work folder "
              + home
              + "): "
              + ex.getMessage(),
          ex);
    }
  }

  public int port() {
    return port;
  }

  public Path workDir() {
    return workDir;
  }

  /**
   * Makes {@link #close()} the only way the broker stops. Qpid closes its broker in a JVM shutdown
   * hook of its own, and the JVM runs every hook at once: an owner that stops the broker's clients
   * first in a hook of its own (the launcher stops the services, then the broker) would otherwise
   * see the broker gone before its clients.
   */
  public void stopOnlyWhenClosed() {
    Broker<?> broker = systemConfig.getContainer(Broker.class);
    try {
      Field hook = BrokerImpl.class.getDeclaredField("_shutdownHook");
      hook.setAccessible(true);
      Runtime.getRuntime().removeShutdownHook((Thread) hook.get(broker));
    } catch (ReflectiveOperationException | RuntimeException ex) {
      throw new IllegalStateException(
          "Qpid's own shutdown hook was not found in "
              + broker.getClass().getName()
              + " (another Qpid version?): the broker would stop at exit before its clients",
          ex);
    }
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      launcher.shutdown();
    }
  }

  private static Map<String, Object> systemConfig(Path home, int port, Accounts accounts)
      throws IOException {
    Map<String, Object> context = new HashMap<>();
    context.put("qpid.work_dir", home.toString());
    // passwords stay in memory: the configuration file names them by context variable only
    accounts
        .passwordsByUser()
        .forEach((user, password) -> context.put(passwordVariable(user), password));
    // Qpid's 0-9-1 default is to close the connection when a mandatory message has no route;
    // RabbitMQ returns it (basic.return) and keeps the connection, which is what the outbox relay
    // relies on to retry unrouted events
    context.put("qpid.port.closeWhenNoRoute", "false");

    Map<String, Object> attributes = new HashMap<>();
    // The broker's own model (ports, users, access rules, the virtual host node) is rebuilt from
    // the files written here at every start, so a changed setting takes effect; the virtual host's
    // exchanges, queues and messages persist in the Derby store.
    attributes.put("type", "Memory");
    // files, not Qpid's classpath: URLs, which fail inside a Spring Boot jar and under exec:java
    attributes.put(
        "initialConfigurationLocation", writeConfig(home, port, accounts).toUri().toString());
    attributes.put("initialSystemPropertiesLocation", noSystemProperties(home).toUri().toString());
    attributes.put("startupLoggedToSystemOut", false);
    attributes.put("context", context);
    return attributes;
  }

  private static Path writeConfig(Path home, int port, Accounts accounts) throws IOException {
    List<Map<String, Object>> users = new ArrayList<>();
    for (String user : accounts.passwordsByUser().keySet()) {
      users.add(
          Map.of("name", user, "type", "managed", "password", "${" + passwordVariable(user) + "}"));
    }
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("name", "airtix");
    config.put("modelVersion", "9.0");
    config.put(
        "authenticationproviders",
        List.of(
            Map.of(
                "name",
                "plain",
                "type",
                "Plain",
                "secureOnlyMechanisms",
                List.of(),
                "users",
                users)));
    config.put(
        "ports",
        List.of(
            Map.of(
                "name",
                "AMQP",
                "port",
                port,
                "bindingAddress",
                "127.0.0.1",
                "protocols",
                List.of("AMQP_0_9_1"),
                "authenticationProvider",
                "plain",
                "virtualhostaliases",
                List.of(
                    Map.of("name", "nameAlias", "type", "nameAlias"),
                    Map.of("name", "defaultAlias", "type", "defaultAlias")))));
    config.put(
        "virtualhostnodes",
        List.of(
            Map.of(
                "name", "default",
                "type", "DERBY",
                "storePath", home.resolve("store").toString(),
                "defaultVirtualHostNode", "true",
                "virtualHostInitialConfiguration", "{\"type\": \"ProvidedStore\"}")));
    Path rules = home.resolve(ACCESS_RULES_FILE);
    if (accounts.rules().isPresent()) {
      Files.writeString(rules, accounts.rules().get());
      config.put(
          "accesscontrolproviders",
          List.of(Map.of("name", "airtix-accounts", "type", "AclFile", "path", rules.toString())));
    } else {
      Files.deleteIfExists(rules);
    }
    Path file = home.resolve(CONFIG_FILE);
    Files.writeString(file, JsonMapper.shared().writeValueAsString(config));
    return file;
  }

  private static String passwordVariable(String user) {
    return "airtix.broker.password." + user;
  }

  /**
   * Every setting goes through the system config's context; Qpid still wants a properties file to
   * read.
   */
  private static Path noSystemProperties(Path home) throws IOException {
    Path properties = home.resolve("system.properties");
    Files.writeString(
        properties,
        "# the embedded broker takes its settings from EmbeddedBroker, not from here\n");
    return properties;
  }

  /**
   * Qpid opens its port asynchronously; callers connect right after start, so wait until it
   * answers.
   */
  private void awaitListening(Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    IOException last = null;
    while (Instant.now().isBefore(deadline)) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
        return;
      } catch (IOException ex) {
        last = ex;
        try {
          Thread.sleep(50);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    close();
    throw new BrokerStartException(
        "The embedded AMQP broker did not open port " + port + " within " + timeout, last);
  }

  /**
   * The broker could not start, typically because the port is taken or the work folder is not
   * writable.
   */
  public static final class BrokerStartException extends RuntimeException {

    BrokerStartException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * For trying the broker by hand: {@code java -cp … io.airtix.broker.EmbeddedBroker [workDir]
   * [port]}.
   */
  public static void main(String[] args) throws InterruptedException {
    Path workDir = Path.of(args.length > 0 ? args[0] : "data/broker");
    int port = args.length > 1 ? Integer.parseInt(args[1]) : STANDALONE_PORT;
    EmbeddedBroker broker = start(workDir, port);
    Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "airtix-broker-stop"));
    System.out.println(
        "AMQP broker listening on 127.0.0.1:" + port + " (work folder " + broker.workDir() + ")");
    Thread.currentThread().join();
  }

  /** Qpid hands the system config, which holds the broker, only to a listener. */
  private static final class ResolvedSystemConfig extends DefaultSystemLauncherListener {

    private SystemConfig<?> systemConfig;

    @Override
    public void onContainerResolve(SystemConfig<?> config) {
      this.systemConfig = config;
    }
  }

  /** Who may sign in, with which password, under which rules. */
  private sealed interface Accounts {

    Map<String, String> passwordsByUser();

    Optional<String> rules();

    record Guest() implements Accounts {
      @Override
      public Map<String, String> passwordsByUser() {
        return Map.of("guest", "guest");
      }

      @Override
      public Optional<String> rules() {
        return Optional.empty();
      }
    }

    record Airtix(BrokerPasswords passwords) implements Accounts {
      @Override
      public Map<String, String> passwordsByUser() {
        Map<String, String> byUser = new LinkedHashMap<>();
        for (BrokerAccount account : BrokerAccount.values()) {
          byUser.put(account.username(), passwords.of(account));
        }
        return byUser;
      }

      @Override
      public Optional<String> rules() {
        return Optional.of(AccessRules.forAccounts());
      }
    }
  }
}
