package io.airtix.tickets.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airtix.platform.problem.StaleVersionProblem;
import io.airtix.platform.security.AirtixPrincipal;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the tickets table must do on every database the service supports. Subclasses point it at
 * SQLite and PostgreSQL; the schema comes from the Flyway migrations and is validated by Hibernate.
 */
abstract class TicketRepositoryContract {

  private static final Instant DAY =
      LocalDate.now(ZoneOffset.UTC).plusDays(10).atStartOfDay(ZoneOffset.UTC).toInstant();

  @Autowired TicketRepository tickets;

  @Autowired PlatformTransactionManager transactionManager;

  @Autowired TicketCatalog catalog;

  @Autowired DataSource dataSource;

  private static final AirtixPrincipal AGENT =
      new AirtixPrincipal(
          "u-agent", "agent", null, null, Set.of(), Map.of("aerolux", Set.of("agent")));

  TransactionTemplate tx;

  @BeforeEach
  void clean() {
    tx = new TransactionTemplate(transactionManager);
    tickets.deleteAllInBatch();
  }

  @Test
  void storesAndReadsBackEveryField() {
    Ticket saved = tickets.saveAndFlush(TicketMother.availableTicket("aerolux"));

    Ticket read = tickets.findById(saved.id()).orElseThrow();
    assertThat(read.airline()).isEqualTo("aerolux");
    assertThat(read.flightNumber()).isEqualTo("LX123");
    assertThat(read.departureTime()).isEqualTo(saved.departureTime());
    assertThat(read.cabin()).isEqualTo(Cabin.ECONOMY);
    assertThat(read.price()).isEqualTo(new BigDecimal("129.90"));
    assertThat(read.status()).isEqualTo(TicketStatus.AVAILABLE);
    assertThat(read.version()).isZero();
  }

  @Test
  void findsTicketsByRouteAndUtcDay() {
    Ticket early =
        tickets.save(TicketMother.ticket("aerolux", "1A", "LUX", "CDG", DAY.plusSeconds(60)));
    Ticket late =
        tickets.save(TicketMother.ticket("boreal", "1B", "LUX", "CDG", DAY.plusSeconds(86_399)));
    tickets.save(TicketMother.ticket("aerolux", "1C", "LUX", "CDG", DAY.plusSeconds(86_400)));
    tickets.save(TicketMother.ticket("aerolux", "1D", "LUX", "LHR", DAY.plusSeconds(120)));
    tickets.flush();

    Page<Ticket> page =
        tickets.findAll(
            TicketRepository.matching(
                new TicketSearch(
                    null,
                    "LUX",
                    "CDG",
                    LocalDate.ofInstant(DAY, ZoneOffset.UTC),
                    null,
                    null,
                    null)),
            PageRequest.of(0, 10, Sort.by("departureTime", "id")));

    assertThat(page.getContent()).extracting(Ticket::id).containsExactly(early.id(), late.id());
  }

  @Test
  void filtersByAirlineAndPagesInDepartureOrder() {
    for (int row = 1; row <= 5; row++) {
      tickets.save(
          TicketMother.ticket(
              "aerolux", row + "A", "LUX", "CDG", DAY.plusSeconds(3600L * (6 - row))));
    }
    tickets.save(TicketMother.ticket("boreal", "9A", "LUX", "CDG", DAY));
    tickets.flush();

    Page<Ticket> second =
        tickets.findAll(
            TicketRepository.matching(
                new TicketSearch("aerolux", null, null, null, null, null, null)),
            PageRequest.of(1, 2, Sort.by("departureTime", "id")));

    assertThat(second.getTotalElements()).isEqualTo(5);
    assertThat(second.getTotalPages()).isEqualTo(3);
    assertThat(second.getContent()).extracting(Ticket::seat).containsExactly("3A", "2A");
  }

  @Test
  void refusesSecondTicketForTheSameSeatOfTheSameFlight() {
    tickets.saveAndFlush(TicketMother.ticket("aerolux", "7F", "LUX", "CDG", DAY));

    assertThatThrownBy(
            () -> tickets.saveAndFlush(TicketMother.ticket("aerolux", "7F", "LUX", "CDG", DAY)))
        .isInstanceOf(DataIntegrityViolationException.class);
  }

  @Test
  void detectsConcurrentEditByVersion() {
    UUID id = tickets.saveAndFlush(TicketMother.availableTicket("aerolux")).id();
    Ticket first = tickets.findById(id).orElseThrow();
    Ticket second = tickets.findById(id).orElseThrow();

    tx.executeWithoutResult(
        status -> {
          first.revise(TicketMother.economySeat(), Instant.now());
          tickets.saveAndFlush(first);
        });

    assertThatThrownBy(
            () ->
                tx.executeWithoutResult(
                    status -> {
                      second.revise(TicketMother.economySeat(), Instant.now());
                      tickets.saveAndFlush(second);
                    }))
        .isInstanceOf(OptimisticLockingFailureException.class);
    assertThat(tickets.findById(id).orElseThrow().version()).isEqualTo(1);
  }

  @Test
  void commitsEachChangeWithItsEventAndAFailedChangeWithout() {
    TicketResponse created = catalog.create(AGENT, TicketMother.createRequest("aerolux"));
    catalog.update(AGENT, created.id(), TicketMother.updateRequest(0));

    assertThatThrownBy(() -> catalog.update(AGENT, created.id(), TicketMother.updateRequest(0)))
        .isInstanceOf(StaleVersionProblem.class);
    assertThat(eventsOf(created.id())).containsExactly("ticket.created@0", "ticket.updated@1");
  }

  @Test
  void rollsBackTheEventWithTheTicket() {
    UUID id =
        tx.execute(
            status -> {
              TicketResponse created = catalog.create(AGENT, TicketMother.createRequest("aerolux"));
              status.setRollbackOnly();
              return created.id();
            });

    assertThat(tickets.findById(id)).isEmpty();
    assertThat(eventsOf(id)).isEmpty();
  }

  private List<String> eventsOf(UUID ticket) {
    return JdbcClient.create(dataSource)
        .sql(
            "SELECT event_type, aggregate_version FROM airtix_outbox WHERE aggregate_id = :id ORDER BY position")
        .param("id", ticket.toString())
        .query((rs, row) -> rs.getString(1) + "@" + rs.getLong(2))
        .list();
  }
}
