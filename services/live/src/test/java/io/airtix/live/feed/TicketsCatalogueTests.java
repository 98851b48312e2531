package io.airtix.live.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.airtix.live.message.TicketFacts;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The catalogue as the tickets service answers it: a ticket, a 404, or nothing in time. */
class TicketsCatalogueTests {

  private static final UUID KNOWN = UUID.randomUUID();
  private static final UUID SLOW = UUID.randomUUID();

  private HttpServer tickets;
  private TicketsCatalogue catalogue;

  @BeforeEach
  void ticketsService() throws IOException {
    tickets = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    tickets.createContext(
        "/api/tickets/",
        exchange -> {
          String id = exchange.getRequestURI().getPath().substring("/api/tickets/".length());
          if (id.equals(SLOW.toString())) {
            sleep(Duration.ofSeconds(2));
          }
          byte[] body =
              id.equals(KNOWN.toString())
                  ? ("{\"id\":\"%s\",\"airline\":\"aerolux\",\"origin\":\"LUX\",\"destination\":\"OPO\","
                          + "\"departureTime\":\"2027-05-01T22:30:00Z\",\"price\":80.50,\"currency\":\"EUR\"}")
                      .formatted(id)
                      .getBytes(StandardCharsets.UTF_8)
                  : "{\"status\":404}".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(id.equals(KNOWN.toString()) ? 200 : 404, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    tickets.start();
    catalogue =
        new TicketsCatalogue(
            URI.create("http://127.0.0.1:" + tickets.getAddress().getPort()),
            Duration.ofMillis(500));
  }

  @AfterEach
  void stop() {
    tickets.stop(0);
  }

  @Test
  void describesATicketTheCatalogueShows() {
    assertThat(catalogue.find(KNOWN))
        .isEqualTo(
            new TicketFacts.Ticket(
                "LUX", "OPO", Instant.parse("2027-05-01T22:30:00Z"), new BigDecimal("80.50")));
  }

  @Test
  void describesNothingTheCatalogueDoesNotShow() {
    assertThat(catalogue.find(UUID.randomUUID())).isNull();
  }

  @Test
  void givesUpOnACatalogueThatDoesNotAnswerInTime() {
    long start = System.nanoTime();

    assertThat(catalogue.find(SLOW)).isNull();

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void describesNothingWhenTheCatalogueIsDown() {
    TicketsCatalogue nobody =
        new TicketsCatalogue(URI.create("http://127.0.0.1:1"), Duration.ofMillis(500));

    assertThat(nobody.find(KNOWN)).isNull();
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
