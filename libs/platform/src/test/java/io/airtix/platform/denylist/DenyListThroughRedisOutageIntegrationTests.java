package io.airtix.platform.denylist;

import static org.assertj.core.api.Assertions.assertThat;

import io.airtix.testing.keycloak.KeycloakEventBroker;
import io.airtix.testing.keycloak.KeycloakExtension;
import io.airtix.testing.keycloak.KeycloakServer;
import io.airtix.testing.keycloak.TestUser;
import io.airtix.testing.keycloak.TestUsers;
import io.airtix.testing.net.TcpRelay;
import io.airtix.testing.services.TestServices;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.QueueInformation;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The distributed mode's deny-list when Redis fails: the service reaches the tests' Redis through a
 * relay the test cuts, so only this service loses it. Real Keycloak with the extension, the
 * machine's RabbitMQ.
 */
@ExtendWith(KeycloakExtension.class)
class DenyListThroughRedisOutageIntegrationTests {

  private final KeycloakServer keycloak = KeycloakServer.shared();
  private final HttpClient http = HttpClient.newHttpClient();
  private final TcpRelay redisRelay =
      TcpRelay.to(TestServices.redis().host(), TestServices.redis().port());
  private final String keyPrefix = "airtix:deny-test:" + UUID.randomUUID() + ":";
  private final StringRedisTemplate redis = redisDirectly();

  private ConfigurableApplicationContext service;

  @AfterEach
  void stop() {
    redisRelay.close();
    if (service != null) {
      service.close();
    }
    redis.delete(redis.keys(keyPrefix + "*"));
    ((LettuceConnectionFactory) redis.getConnectionFactory()).destroy();
  }

  @Test
  void refusesABanMadeWhileRedisIsDownAndRecordsItOnceRedisIsBack() throws Exception {
    service = startService(Map.of("airtix.deny-list.store.max-attempts", "1000"));
    TestUser banned = keycloak.createUser(TestUsers.customer());
    String bannedToken = keycloak.login(banned).accessToken();
    String otherToken = keycloak.login(keycloak.createUser(TestUsers.customer())).accessToken();
    assertThat(status(bannedToken)).isEqualTo(200);

    redisRelay.cut();
    disable(banned);

    Awaitility.await("the ban refused while Redis is down")
        .atMost(Duration.ofSeconds(2))
        .until(() -> status(bannedToken) == 401);
    assertThat(status(otherToken)).as("another user's token").isEqualTo(200);
    assertThat(redis.hasKey(keyPrefix + "user:" + banned.id())).isFalse();

    redisRelay.restore();
    Awaitility.await("the ban recorded in Redis once it answers")
        .atMost(Duration.ofSeconds(30))
        .until(() -> redis.hasKey(keyPrefix + "user:" + banned.id()));
    assertThat(status(bannedToken)).isEqualTo(401);
  }

  @Test
  void seedsAStartingInstanceWithTheBansRecordedBeforeIt() throws Exception {
    TestUser banned = keycloak.createUser(TestUsers.customer());
    String bannedToken = keycloak.login(banned).accessToken();
    // as another instance would have recorded it while this one was down
    redis
        .opsForValue()
        .set(
            keyPrefix + "user:" + banned.id(),
            String.valueOf(Instant.now().toEpochMilli()),
            Duration.ofMinutes(5));

    service = startService(Map.of("airtix.deny-list.store.refresh", "1h"));

    assertThat(status(bannedToken)).as("the first request after start").isEqualTo(401);
  }

  @Test
  void deadLettersABanRedisKeepsRefusingAndStillRefusesItsTokens() throws Exception {
    service = startService(Map.of("airtix.deny-list.store.max-attempts", "3"));
    String deadLetters =
        service.getEnvironment().getProperty("spring.application.name") + ".dead-letter";
    AmqpAdmin admin = service.getBean(AmqpAdmin.class);
    TestUser banned = keycloak.createUser(TestUsers.customer());
    String bannedToken = keycloak.login(banned).accessToken();

    redisRelay.cut();
    disable(banned);

    Awaitility.await("the ban in the service's dead-letter queue")
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              QueueInformation queue = admin.getQueueInfo(deadLetters);
              return queue != null && queue.getMessageCount() > 0;
            });
    assertThat(status(bannedToken)).isEqualTo(401);
  }

  private ConfigurableApplicationContext startService(Map<String, Object> settings) {
    KeycloakEventBroker broker = KeycloakEventBroker.configured();
    Map<String, Object> properties =
        new HashMap<>(
            Map.of(
                "spring.application.name",
                "deny-list-outage-test-" + UUID.randomUUID(),
                "server.port",
                "0",
                "airtix.security.issuer-uri",
                keycloak.issuer(),
                "airtix.security.audience",
                "orders",
                "spring.rabbitmq.host",
                broker.host(),
                "spring.rabbitmq.port",
                broker.port(),
                "management.health.redis.enabled",
                "false",
                "airtix.redis.enabled",
                "true",
                "spring.data.redis.host",
                redisRelay.host(),
                "spring.data.redis.port",
                redisRelay.port()));
    properties.put("spring.data.redis.timeout", "500ms");
    properties.put("airtix.deny-list.key-prefix", keyPrefix);
    properties.put("airtix.deny-list.store.initial-backoff", "100ms");
    properties.put("airtix.deny-list.store.max-backoff", "500ms");
    properties.putAll(settings);
    ConfigurableApplicationContext started =
        new SpringApplicationBuilder(DenyListTestApplication.class).properties(properties).run();
    AmqpAdmin admin = started.getBean(AmqpAdmin.class);
    String durableQueue = properties.get("spring.application.name") + ".deny-list";
    Awaitility.await("the deny-list's feeds consuming")
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              QueueInformation queue = admin.getQueueInfo(durableQueue);
              return queue != null && queue.getConsumerCount() > 0;
            });
    return started;
  }

  private void disable(TestUser user) {
    UserResource resource = keycloak.airtixRealm().resource().users().get(user.id());
    UserRepresentation representation = resource.toRepresentation();
    representation.setEnabled(false);
    resource.update(representation);
  }

  private int status(String token) throws IOException, InterruptedException {
    int port = ((WebServerApplicationContext) service).getWebServer().getPort();
    return http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/greeting"))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private static StringRedisTemplate redisDirectly() {
    LettuceConnectionFactory connections =
        new LettuceConnectionFactory(TestServices.redis().host(), TestServices.redis().port());
    connections.afterPropertiesSet();
    connections.start();
    return new StringRedisTemplate(connections);
  }
}
