package io.airtix.live.message;

import static org.assertj.core.api.Assertions.assertThat;

import io.airtix.testing.time.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TicketFactsTests {

  private static final TicketFacts.Ticket DESCRIBED =
      new TicketFacts.Ticket(
          "LUX", "OPO", Instant.parse("2027-05-01T22:30:00Z"), new BigDecimal("80.00"));

  private final MutableClock clock = new MutableClock(Instant.parse("2027-01-10T12:00:00Z"));
  private final List<UUID> asked = new ArrayList<>();

  @Test
  void asksTheCatalogueOnceForATicketItHasNoEventOf() {
    TicketFacts facts = new TicketFacts(answering(DESCRIBED), clock);
    UUID ticket = UUID.randomUUID();

    TicketFacts.Facts first = facts.of(ticket);
    TicketFacts.Facts second = facts.of(ticket);

    assertThat(first).isNotNull();
    assertThat(first.route()).isEqualTo("LUX-OPO");
    assertThat(first.date()).isEqualTo(LocalDate.parse("2027-05-01"));
    assertThat(second).isEqualTo(first);
    assertThat(asked).containsExactly(ticket);
  }

  @Test
  void asksNothingOfATicketItHeardOf() {
    TicketFacts facts = new TicketFacts(answering(DESCRIBED), clock);
    UUID ticket = UUID.randomUUID();
    facts.learn(ticket, "LUX", "CDG", Instant.parse("2027-03-14T09:30:00Z"), BigDecimal.TEN);

    assertThat(facts.of(ticket).route()).isEqualTo("LUX-CDG");
    assertThat(asked).isEmpty();
  }

  @Test
  void asksAgainForATicketTheCatalogueCouldNotDescribeOnlyAfterAMinute() {
    TicketFacts facts = new TicketFacts(answering(null), clock);
    UUID ticket = UUID.randomUUID();

    assertThat(facts.of(ticket)).isNull();
    assertThat(facts.of(ticket)).isNull();
    clock.advance(Duration.ofSeconds(61));
    assertThat(facts.of(ticket)).isNull();

    assertThat(asked).containsExactly(ticket, ticket);
  }

  @Test
  void tellsAPriceChangeOnlyFromWhatItHeardItself() {
    TicketFacts facts = new TicketFacts(answering(DESCRIBED), clock);

    assertThat(facts.remembered(UUID.randomUUID())).isNull();
    assertThat(asked).isEmpty();
  }

  private TicketFacts.Catalogue answering(TicketFacts.Ticket answer) {
    return ticket -> {
      asked.add(ticket);
      return answer;
    };
  }
}
