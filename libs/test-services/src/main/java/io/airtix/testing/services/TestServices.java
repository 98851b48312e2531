package io.airtix.testing.services;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Locale;
import java.util.UUID;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * PostgreSQL, RabbitMQ and Redis for the tests of this JVM, each decided once: the one the
 * environment names (POSTGRES_HOST, RABBITMQ_HOST, REDIS_HOST and their _PORT), else the machine's
 * own where it answers on its usual port of 127.0.0.1, else a container started from the image the
 * system property {@code airtix.image.postgres}, {@code .rabbitmq} or {@code .redis} names (default
 * the official {@code postgres:15}, {@code rabbitmq:4.1}, {@code redis:7}), never pulled: a machine
 * with only a JDK and a Docker daemon runs the tests. The system property {@code
 * airtix.test.services} (or AIRTIX_TEST_SERVICES) set to {@code containers} takes containers even
 * where local services answer; {@code local} never does.
 */
public final class TestServices {

  static final String MODE_PROPERTY = "airtix.test.services";

  private static Postgres postgres;
  private static RabbitMq rabbitMq;
  private static Redis redis;

  private TestServices() {}

  public static synchronized Postgres postgres() {
    if (postgres == null) {
      postgres =
          choose("POSTGRES", 5432)
              ? new Postgres(
                  env("POSTGRES_HOST", "127.0.0.1"),
                  Integer.parseInt(env("POSTGRES_PORT", "5432")),
                  env("POSTGRES_USER", "postgres"),
                  env("POSTGRES_PASSWORD", ""))
              : Postgres.inContainer(image("postgres", "postgres:15"));
    }
    return postgres;
  }

  public static synchronized RabbitMq rabbitMq() {
    if (rabbitMq == null) {
      rabbitMq =
          choose("RABBITMQ", 5672)
              ? RabbitMq.local(
                  env("RABBITMQ_HOST", "127.0.0.1"), Integer.parseInt(env("RABBITMQ_PORT", "5672")))
              : RabbitMq.inContainer(image("rabbitmq", "rabbitmq:4.1"));
    }
    return rabbitMq;
  }

  public static synchronized Redis redis() {
    if (redis == null) {
      redis =
          choose("REDIS", 6379)
              ? new Redis(
                  env("REDIS_HOST", "127.0.0.1"), Integer.parseInt(env("REDIS_PORT", "6379")))
              : Redis.inContainer(image("redis", "redis:7"));
    }
    return redis;
  }

  /**
   * Whether the service is a local one (named by the environment or answering), not a container.
   */
  private static boolean choose(String service, int usualPort) {
    return switch (mode()) {
      case "local" -> true;
      case "containers" -> false;
      default -> System.getenv(service + "_HOST") != null || answers(usualPort);
    };
  }

  static String mode() {
    String mode = System.getProperty(MODE_PROPERTY, System.getenv("AIRTIX_TEST_SERVICES"));
    mode = mode == null || mode.isBlank() ? "auto" : mode.strip().toLowerCase(Locale.ROOT);
    if (!mode.equals("auto") && !mode.equals("local") && !mode.equals("containers")) {
      throw new IllegalStateException(
          MODE_PROPERTY + " must be auto, local or containers, not " + mode);
    }
    return mode;
  }

  private static boolean answers(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  static DockerImageName image(String name, String official) {
    String image = System.getProperty("airtix.image." + name);
    return DockerImageName.parse(image == null || image.isBlank() ? official : image)
        .asCompatibleSubstituteFor(official.substring(0, official.indexOf(':')));
  }

  /** Starts the container, stopped when the JVM exits (no reaper container can be pulled). */
  static <T extends GenericContainer<?>> T started(T container) {
    container.withImagePullPolicy(image -> false).start();
    Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "test-services-stop"));
    return container;
  }

  static String randomPassword() {
    return UUID.randomUUID().toString().replace("-", "");
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  /** A PostgreSQL server where {@code user} may create databases. */
  public record Postgres(String host, int port, String user, String password) {

    static Postgres inContainer(DockerImageName image) {
      String password = randomPassword();
      GenericContainer<?> container =
          started(
              new GenericContainer<>(image)
                  .withEnv("POSTGRES_USER", "postgres")
                  .withEnv("POSTGRES_PASSWORD", password)
                  .withExposedPorts(5432)
                  .waitingFor(Wait.forListeningPort()));
      return new Postgres("127.0.0.1", container.getMappedPort(5432), "postgres", password);
    }
  }

  /** A Redis server that asks for no password. */
  public record Redis(String host, int port) {

    static Redis inContainer(DockerImageName image) {
      GenericContainer<?> container =
          started(
              new GenericContainer<>(image)
                  .withExposedPorts(6379)
                  .waitingFor(Wait.forListeningPort()));
      return new Redis("127.0.0.1", container.getMappedPort(6379));
    }
  }
}
