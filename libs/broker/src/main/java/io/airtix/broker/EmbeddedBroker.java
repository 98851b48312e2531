package io.airtix.broker;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.qpid.server.SystemLauncher;
import org.apache.qpid.server.SystemLauncherListener.DefaultSystemLauncherListener;
import org.apache.qpid.server.model.Broker;
import org.apache.qpid.server.model.BrokerImpl;
import org.apache.qpid.server.model.SystemConfig;

/**
 * The AMQP 0-9-1 broker of the standalone mode (Apache Qpid Broker-J), so the services' Spring AMQP
 * code runs unchanged against it and against RabbitMQ. Exchanges, queues, bindings and persistent
 * messages live in a Derby store under the work folder: what sits in a queue when the process stops
 * is delivered after the next start.
 *
 * <p>It speaks AMQP 0-9-1 only, accepts one account (guest/guest unless told otherwise) and listens
 * on the loopback interface: it is a local stand-in for RabbitMQ, not a server to expose. Qpid
 * refuses RabbitMQ-only queue arguments such as {@code x-dead-letter-exchange}; the platform
 * dead-letters from the consumer side.
 */
public final class EmbeddedBroker implements AutoCloseable {

  /** 5672 may belong to a real RabbitMQ on the same machine. */
  public static final int STANDALONE_PORT = 5673;

  private static final String CONFIG_RESOURCE = "broker-config.json";

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
   * Starts a broker on 127.0.0.1:{@code port} with the account guest/guest; returns once it accepts
   * connections.
   */
  public static EmbeddedBroker start(Path workDir, int port) {
    return start(workDir, port, "guest", "guest");
  }

  public static EmbeddedBroker start(Path workDir, int port, String username, String password) {
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
      launcher.startup(systemConfig(home, port, username, password));
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

  private static Map<String, Object> systemConfig(
      Path home, int port, String username, String password) throws IOException {
    Map<String, Object> context = new HashMap<>();
    context.put("qpid.work_dir", home.toString());
    context.put("airtix.broker.port", String.valueOf(port));
    context.put("airtix.broker.address", "127.0.0.1");
    context.put("airtix.broker.username", username);
    context.put("airtix.broker.password", password);
    // Qpid's 0-9-1 default is to close the connection when a mandatory message has no route;
    // RabbitMQ returns it (basic.return) and keeps the connection, which is what the outbox relay
    // relies on to retry unrouted events
    context.put("qpid.port.closeWhenNoRoute", "false");

    Map<String, Object> attributes = new HashMap<>();
    // The broker's own model (ports, users, the virtual host node) is rebuilt from our file at
    // every start, so a changed setting takes effect; the virtual host's exchanges, queues and
    // messages persist in the Derby store.
    attributes.put("type", "Memory");
    // files, not Qpid's classpath: URLs, which fail inside a Spring Boot jar and under exec:java
    attributes.put("initialConfigurationLocation", copyConfig(home).toUri().toString());
    attributes.put("initialSystemPropertiesLocation", noSystemProperties(home).toUri().toString());
    attributes.put("startupLoggedToSystemOut", false);
    attributes.put("context", context);
    return attributes;
  }

  private static Path copyConfig(Path home) throws IOException {
    Path config = home.resolve(CONFIG_RESOURCE);
    try (InputStream in = EmbeddedBroker.class.getResourceAsStream(CONFIG_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(CONFIG_RESOURCE + " is missing from the broker jar");
      }
      Files.copy(in, config, StandardCopyOption.REPLACE_EXISTING);
    }
    return config;
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
}
