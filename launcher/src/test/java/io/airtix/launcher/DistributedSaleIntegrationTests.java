package io.airtix.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.airtix.launcher.services.LaunchableService;
import io.airtix.testing.keycloak.KeycloakServer;
import io.airtix.testing.keycloak.TestUsers;
import io.airtix.testing.live.LiveStreamClient;
import io.airtix.testing.live.Received;
import io.airtix.testing.sale.SaleSteps;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The sale the distributed way: the tickets, orders, expiration and live services and the gateway,
 * each as {@code --only <service>} starts it with the profile {@code distributed}, on the machine's
 * PostgreSQL (a scratch database per service), RabbitMQ and Redis, with a real Keycloak and real
 * tokens, used through the gateway's HTTP API. A reservation holds its ticket for a few seconds;
 * then the expiration service ends it and the ticket is free again. The live service, on RabbitMQ
 * with its own account and its deny-list in Redis, tells the catalogue and the traveller as it
 * happens.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DistributedSaleIntegrationTests {

  private static final Duration HOLD = Duration.ofSeconds(5);

  private final KeycloakServer keycloak = KeycloakServer.shared();
  private DistributedRun run;
  private String redisKey;
  private SaleSteps sale;

  @BeforeAll
  void startServicesTheDistributedWay() {
    redisKey = "test:airtix:distributed-sale:" + System.nanoTime();
    run =
        DistributedRun.start(
            "distributed-sale",
            List.of(
                LaunchableService.TICKETS,
                LaunchableService.ORDERS,
                LaunchableService.EXPIRATION,
                LaunchableService.LIVE),
            Map.of(
                "airtix.orders.hold",
                HOLD.toSeconds() + "s",
                "airtix.expiration.redis-key",
                redisKey));
    sale = new SaleSteps(run.gateway());
  }

  @AfterAll
  void stopServicesAndCleanUp() {
    if (run != null) {
      run.close();
    }
    LettuceConnectionFactory redis =
        new LettuceConnectionFactory(
            new RedisStandaloneConfiguration(
                DistributedRun.redisHost(), DistributedRun.redisPort()));
    redis.afterPropertiesSet();
    redis.start();
    try {
      StringRedisTemplate template = new StringRedisTemplate(redis);
      template.afterPropertiesSet();
      template.delete(redisKey);
    } finally {
      redis.destroy();
    }
  }

  @Test
  void aReservationHoldsTheTicketUntilTheHoldRunsOutAndThenTheTicketIsAvailableAgain() {
    String agent =
        keycloak.login(keycloak.createUser(TestUsers.member("aerolux", "agent"))).accessToken();
    String traveller = keycloak.login(keycloak.createUser(TestUsers.customer())).accessToken();
    JsonNode ticket = sale.listTicket(agent, "aerolux");
    String ticketId = ticket.path("id").asString();
    try (LiveStreamClient catalogue = liveStream("?ticket=" + ticketId, Map.of());
        LiveStreamClient ownOrders =
            liveStream("?channel=orders", Map.of("Authorization", "Bearer " + traveller))) {
      assertThat(catalogue.status()).as("the catalogue's stream").isEqualTo(200);
      assertThat(ownOrders.status()).as("the traveller's own orders").isEqualTo(200);
      catalogue.await("welcome", SaleSteps.PATIENCE);
      ownOrders.await("welcome", SaleSteps.PATIENCE);

      long reserving = System.nanoTime();
      JsonNode order = sale.reserve(ticket, traveller);
      Instant reservedAt = Instant.now();
      Received held = catalogue.await("ticket.held", SaleSteps.PATIENCE);
      Duration heldAfter = Duration.ofNanos(System.nanoTime() - reserving);
      System.out.printf(
          "distributed: the catalogue heard of the hold %d ms after the reservation was sent%n",
          heldAfter.toMillis());
      assertThat(heldAfter).as("hold to catalogue").isLessThan(Duration.ofSeconds(1));
      String orderId = order.path("id").asString();
      Instant expiresAt = Instant.parse(order.path("expiresAt").asString());
      assertThat(expiresAt)
          .isBetween(reservedAt.minus(Duration.ofSeconds(5)).plus(HOLD), reservedAt.plus(HOLD));

      await()
          .atMost(SaleSteps.PATIENCE)
          .untilAsserted(() -> assertThat(sale.ticketStatus(ticketId)).isEqualTo("RESERVED"));

      await()
          .atMost(SaleSteps.PATIENCE)
          .untilAsserted(() -> assertThat(sale.ticketStatus(ticketId)).isEqualTo("AVAILABLE"));
      assertThat(Instant.now())
          .as("released no earlier than the hold ends")
          .isAfterOrEqualTo(expiresAt);
      JsonNode expired = sale.get("/api/orders/" + orderId, traveller);
      assertThat(expired.path("status").asString()).isEqualTo("CANCELLED");
      assertThat(expired.path("cancellationReason").asString()).isEqualTo("EXPIRED");
      HttpResponse<String> again =
          sale.send(
              "POST",
              "/api/orders",
              traveller,
              """
          {"ticketId":"%s","price":%s,"currency":"%s"}"""
                  .formatted(
                      ticketId,
                      ticket.path("price").asDecimal().toPlainString(),
                      ticket.path("currency").asString()));
      assertThat(again.statusCode())
          .as("the released ticket can be reserved again: %s", again.body())
          .isEqualTo(201);
      // the live service heard it all from RabbitMQ and told the catalogue and the traveller
      Received released = catalogue.await("ticket.released", SaleSteps.PATIENCE);
      Received ownExpiry = ownOrders.await("order.expired", SaleSteps.PATIENCE);
      assertThat(held.data().path("ticketId").asString()).isEqualTo(ticketId);
      assertThat(released.data().path("ticketId").asString()).isEqualTo(ticketId);
      assertThat(released.message().toString()).doesNotContain(orderId);
      assertThat(ownExpiry.data().path("orderId").asString()).isEqualTo(orderId);
    }
  }

  @Test
  void anAgentsNewPriceReachesTheCatalogueLive() {
    String agent =
        keycloak.login(keycloak.createUser(TestUsers.member("aerolux", "agent"))).accessToken();
    JsonNode ticket = sale.listTicket(agent, "aerolux");
    String ticketId = ticket.path("id").asString();
    try (LiveStreamClient catalogue = liveStream("?ticket=" + ticketId, Map.of())) {
      catalogue.await("welcome", SaleSteps.PATIENCE);

      sale.reprice(ticketId, agent, "121.00");

      Received changed = catalogue.await("ticket.changed", SaleSteps.PATIENCE);
      assertThat(changed.data().path("price").decimalValue()).isEqualByComparingTo("121.00");
    }
  }

  private LiveStreamClient liveStream(String query, Map<String, String> headers) {
    return LiveStreamClient.open(run.gateway().resolve("/api/live/stream" + query), headers);
  }
}
