package io.airtix.tickets.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The public search over a catalogue of 10,000 tickets, on every database the service supports:
 * what the price filter finds, pages that neither repeat nor skip a ticket although 200 tickets
 * share each departure minute, and first pages read in order from an index. Subclasses point it at
 * SQLite and PostgreSQL and read their database's plans.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TicketSearchContract {

  private static final int TICKETS = 10_000;

  private static final int MINUTES = 50;

  private static final Instant DAY =
      LocalDate.now(ZoneOffset.UTC).plusDays(30).atStartOfDay(ZoneOffset.UTC).toInstant();

  @Autowired TicketRepository tickets;

  @Autowired TicketCatalog catalog;

  @Autowired PlatformTransactionManager transactionManager;

  @Autowired DataSource dataSource;

  private final List<Ticket> seeded = new ArrayList<>();

  @BeforeAll
  void seedTenThousandTickets() {
    tickets.deleteAllInBatch();
    for (int i = 0; i < TICKETS; i++) {
      seeded.add(
          new Ticket(
              UUID.randomUUID(),
              i % 2 == 0 ? "aerolux" : "boreal",
              new TicketDetails(
                  String.format("LX%04d", i),
                  "LUX",
                  "CDG",
                  // 200 tickets leave at each minute: every page boundary falls among ties
                  DAY.plus(Duration.ofMinutes(i % MINUTES)),
                  Cabin.ECONOMY,
                  "12A",
                  // 0.37 to 999.37, each amount 10 times, one ticket in three in USD
                  BigDecimal.valueOf((i * 37L) % 1000 * 100 + 37, 2),
                  i % 3 == 0 ? "USD" : "EUR"),
              Instant.now()));
    }
    new TransactionTemplate(transactionManager)
        .executeWithoutResult(status -> tickets.saveAll(seeded));
    afterSeeding(JdbcClient.create(dataSource));
  }

  /** What the database needs after a bulk load before its plans mean anything. */
  abstract void afterSeeding(JdbcClient jdbc);

  /**
   * The database's plan of a page query as Hibernate sent it, one line per step.
   *
   * @param filters the values of the query's filters, in the order of its parameters
   * @param size the page size of the first page, bound after them with its offset 0
   */
  abstract String planOf(String sql, List<Object> filters, int size);

  /** Fails unless the plan reads the page from the index, in its order, without sorting rows. */
  abstract void assertReadInOrderFrom(String index, String plan);

  @Test
  void findsEveryTicketWithinThePriceRangeBoundsIncludedAndNoOther() {
    BigDecimal min = new BigDecimal("100.37");
    BigDecimal max = new BigDecimal("250.37");
    TicketSearch search = priced("EUR", min, max);

    List<UUID> found = walk(search, 100);

    Set<UUID> expected =
        ids(
            ticket ->
                ticket.currency().equals("EUR")
                    && ticket.price().compareTo(min) >= 0
                    && ticket.price().compareTo(max) <= 0);
    assertThat(seeded)
        .as("the bounds themselves are prices of the catalogue")
        .anyMatch(ticket -> ticket.price().compareTo(min) == 0 && ticket.currency().equals("EUR"))
        .anyMatch(ticket -> ticket.price().compareTo(max) == 0 && ticket.currency().equals("EUR"));
    assertThat(found).hasSameSizeAs(expected).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(catalog.browse(search, 0, 100).totalItems()).isEqualTo(expected.size());
  }

  @Test
  void matchesOneAmountWhenBothBoundsAreEqualAndOnlyInTheCurrencyAsked() {
    BigDecimal amount = seeded.get(1).price();

    List<UUID> inEuros = walk(priced("EUR", amount, amount), 100);
    List<UUID> inDollars = walk(priced("USD", amount, amount), 100);
    List<UUID> fromZero = walk(priced("USD", BigDecimal.ZERO, null), 100);

    assertThat(inEuros)
        .containsExactlyInAnyOrderElementsOf(
            ids(t -> t.currency().equals("EUR") && t.price().compareTo(amount) == 0))
        .isNotEmpty();
    assertThat(inDollars)
        .containsExactlyInAnyOrderElementsOf(
            ids(t -> t.currency().equals("USD") && t.price().compareTo(amount) == 0));
    assertThat(fromZero).containsExactlyInAnyOrderElementsOf(ids(t -> t.currency().equals("USD")));
  }

  @Test
  void walksEveryPageSeeingEachTicketExactlyOnceInDepartureOrder() {
    int size = 30;
    TicketPage first = catalog.browse(everything(), 0, size);
    List<TicketResponse> all = new ArrayList<>();
    for (int page = 0; page < first.totalPages(); page++) {
      TicketPage current = catalog.browse(everything(), page, size);
      assertThat(current.page()).isEqualTo(page);
      assertThat(current.size()).isEqualTo(size);
      assertThat(current.totalItems()).isEqualTo(TICKETS);
      all.addAll(current.items());
    }

    assertThat(first.totalPages()).isEqualTo((TICKETS + size - 1) / size);
    assertThat(all).extracting(TicketResponse::id).doesNotHaveDuplicates().hasSize(TICKETS);
    assertThat(new HashSet<>(all.stream().map(TicketResponse::id).toList()))
        .isEqualTo(ids(ticket -> true));
    assertThat(all)
        .extracting(TicketResponse::departureTime)
        .isSortedAccordingTo(Instant::compareTo);
  }

  @Test
  void walksThePagesOfAFilterSeeingEachMatchExactlyOnce() {
    TicketSearch search =
        new TicketSearch("aerolux", "LUX", "CDG", null, new BigDecimal("500.00"), null, "EUR");

    List<UUID> found = walk(search, 7);

    assertThat(found)
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(
            ids(
                t ->
                    t.airline().equals("aerolux")
                        && t.currency().equals("EUR")
                        && t.price().compareTo(new BigDecimal("500.00")) >= 0));
  }

  @Test
  void readsTheFirstPageInOrderFromTheDepartureIndex() {
    RecordedStatements.clear();
    catalog.browse(everything(), 0, 20);

    assertReadInOrderFrom(
        "ix_ticket_departure", planOf(RecordedStatements.lastPageQuery(), List.of(), 20));
  }

  @Test
  void readsTheFirstPageOfANarrowPriceRangeInOrderFromTheCurrencyIndex() {
    RecordedStatements.clear();
    BigDecimal min = new BigDecimal("100.00");
    BigDecimal max = new BigDecimal("110.00");
    catalog.browse(priced("EUR", min, max), 0, 20);

    assertReadInOrderFrom(
        "ix_ticket_currency",
        planOf(RecordedStatements.lastPageQuery(), List.of("EUR", min, max), 20));
  }

  @Test
  void readsTheFirstPageOfAnAirlineInOrderFromTheAirlineIndex() {
    RecordedStatements.clear();
    catalog.browse(new TicketSearch("aerolux", null, null, null, null, null, null), 0, 20);

    assertReadInOrderFrom(
        "ix_ticket_airline", planOf(RecordedStatements.lastPageQuery(), List.of("aerolux"), 20));
  }

  private static TicketSearch everything() {
    return new TicketSearch(null, null, null, null, null, null, null);
  }

  private static TicketSearch priced(String currency, BigDecimal min, BigDecimal max) {
    return new TicketSearch(null, null, null, null, min, max, currency);
  }

  private List<UUID> walk(TicketSearch search, int size) {
    List<UUID> found = new ArrayList<>();
    TicketPage page;
    int number = 0;
    do {
      page = catalog.browse(search, number++, size);
      page.items().forEach(item -> found.add(item.id()));
    } while (number < page.totalPages());
    return found;
  }

  private Set<UUID> ids(Predicate<Ticket> matching) {
    Set<UUID> ids = new HashSet<>();
    seeded.stream().filter(matching).forEach(ticket -> ids.add(ticket.id()));
    return ids;
  }
}
