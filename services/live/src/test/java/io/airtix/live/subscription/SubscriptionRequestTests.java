package io.airtix.live.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.airtix.platform.problem.ProblemTypes;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SubscriptionRequestTests {

  private static final List<String> NONE = List.of();

  @Test
  void asksForTheCatalogueWhenNoChannelIsNamed() {
    SubscriptionRequest request = SubscriptionRequest.of(NONE, NONE, NONE, NONE, NONE);

    assertThat(request.channels()).containsExactly("catalogue");
    assertThat(request.airlines()).isEmpty();
    assertThat(request.tickets()).isEmpty();
    assertThat(request.routes()).isEmpty();
    assertThat(request.dates()).isEmpty();
  }

  @Test
  void readsChannelsAndTheCataloguesFilters() {
    UUID ticket = UUID.randomUUID();

    SubscriptionRequest request =
        SubscriptionRequest.of(
            List.of("catalogue", "orders", "airline:aerolux", "airline:boreal-2", "orders"),
            List.of("aerolux", "boreal-2"),
            List.of(ticket.toString()),
            List.of("LUX-CDG", "LUX-OPO"),
            List.of("2027-03-14"));

    assertThat(request.channels())
        .containsExactlyInAnyOrder("catalogue", "orders", "airline:aerolux", "airline:boreal-2");
    assertThat(request.airlines()).containsExactlyInAnyOrder("aerolux", "boreal-2");
    assertThat(request.tickets()).containsExactly(ticket);
    assertThat(request.routes()).containsExactlyInAnyOrder("LUX-CDG", "LUX-OPO");
    assertThat(request.dates()).containsExactly(LocalDate.parse("2027-03-14"));
  }

  @Test
  void namesTheAirlineOfAnAirlinesChannelOnly() {
    assertThat(SubscriptionRequest.airlineOf("airline:aerolux")).isEqualTo("aerolux");
    assertThat(SubscriptionRequest.airlineOf("orders")).isNull();
    assertThat(SubscriptionRequest.airlineOf("catalogue")).isNull();
  }

  @ParameterizedTest(name = "channel {0}")
  @ValueSource(
      strings = {"news", "Catalogue", "airline:", "airline:AeroLux", "airline:-aerolux", "airline"})
  void refusesAChannelItDoesNotKnow(String channel) {
    assertMalformed(
        () -> SubscriptionRequest.of(List.of("catalogue", channel), NONE, NONE, NONE, NONE),
        "channel '" + channel + "'");
  }

  @ParameterizedTest(name = "airline {0}")
  @ValueSource(strings = {"AeroLux", "aero lux", "", "-aerolux"})
  void refusesAnAirlineThatIsNoAirlineId(String airline) {
    assertMalformed(
        () -> SubscriptionRequest.of(NONE, List.of(airline), NONE, NONE, NONE),
        "airline '" + airline + "'");
  }

  @ParameterizedTest(name = "route {0}")
  @ValueSource(strings = {"Luxembourg", "lux-cdg", "LUXCDG", "LUX-CDGX", "LUX-"})
  void refusesARouteThatIsNotTwoAirportCodes(String route) {
    SubscriptionRefusedException refused =
        assertMalformed(
            () -> SubscriptionRequest.of(NONE, NONE, NONE, List.of(route), NONE),
            "route '" + route + "'");

    assertThat(refused).hasMessageContaining("LUX-CDG");
  }

  @ParameterizedTest(name = "date {0}")
  @ValueSource(strings = {"tomorrow", "14/03/2027", "2027-02-30", "2027-3-14"})
  void refusesADateThatIsNoDay(String date) {
    SubscriptionRefusedException refused =
        assertMalformed(
            () -> SubscriptionRequest.of(NONE, NONE, NONE, NONE, List.of(date)),
            "date '" + date + "'");

    assertThat(refused).hasMessageContaining("2027-01-31");
  }

  @ParameterizedTest(name = "ticket {0}")
  @ValueSource(
      strings = {"12", "not-a-ticket", "", "3fa85f64-5717-4562-b3fc-2c963f66afaz", "1-1-1-1-1"})
  void refusesATicketThatIsNoId(String ticket) {
    assertMalformed(
        () -> SubscriptionRequest.of(NONE, NONE, List.of(ticket), NONE, NONE),
        "ticket '" + ticket + "'");
  }

  @Test
  void refusesAMissingValue() {
    assertMalformed(
        () -> SubscriptionRequest.of(NONE, NONE, Arrays.asList((String) null), NONE, NONE),
        "ticket");
  }

  @Test
  void takesAtMostFiftyValuesOfAParameter() {
    List<String> fifty =
        IntStream.range(0, 50).mapToObj(i -> UUID.randomUUID().toString()).toList();
    List<String> fiftyOne =
        IntStream.range(0, 51).mapToObj(i -> UUID.randomUUID().toString()).toList();

    assertThat(SubscriptionRequest.of(NONE, NONE, fifty, NONE, NONE).tickets()).hasSize(50);
    assertMalformed(() -> SubscriptionRequest.of(NONE, NONE, fiftyOne, NONE, NONE), "'ticket'");
    assertMalformed(
        () -> SubscriptionRequest.of(NONE, airlines(51), NONE, NONE, NONE), "'airline'");
    assertMalformed(
        () ->
            SubscriptionRequest.of(
                airlines(51).stream().map(airline -> "airline:" + airline).toList(),
                NONE,
                NONE,
                NONE,
                NONE),
        "'channel'");
  }

  private static List<String> airlines(int count) {
    return IntStream.range(0, count).mapToObj(i -> "airline-" + i).toList();
  }

  private static SubscriptionRefusedException assertMalformed(
      ThrowingCallable request, String naming) {
    SubscriptionRefusedException refused =
        catchThrowableOfType(SubscriptionRefusedException.class, request);
    assertThat(refused).as("refusal").isNotNull();
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.type()).isEqualTo(ProblemTypes.BAD_REQUEST);
    assertThat(refused).hasMessageContaining(naming);
    return refused;
  }
}
