package io.airtix.launcher.storefront;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.airtix.keycloakclient.NewUser;
import io.airtix.testing.browser.Chromium;
import io.airtix.testing.mail.Mail;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * The storefront as travellers use it, in Chromium against a standalone Airtix, the same scenarios
 * for each of the three apps. Each page a scenario reaches is checked with axe-core and kept as a
 * screenshot at phone and desktop size.
 */
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"react", "vue", "svelte"})
@ExtendWith(StorefrontExtension.class)
class StorefrontIntegrationTests {

  private static final String AGENT = "aerolux-agent";
  private static final Pattern RESERVE = Pattern.compile("^Reserve for ");

  @Parameter String app;

  private RunningAirtix airtix;
  private Chromium chromium;
  private final List<Storefront> people = new ArrayList<>();

  @BeforeEach
  void useTheRunningAirtix(RunningAirtix airtix, Chromium chromium) {
    this.airtix = airtix;
    this.chromium = chromium;
  }

  @AfterEach
  void closeBrowsers() {
    people.forEach(Storefront::close);
  }

  @Test
  void rootLeadsToTheCatalogueOfEveryAirline() {
    Storefront traveller = person();
    if (app.equals("react")) {
      traveller.page().navigate(RunningAirtix.GATEWAY + "/");
      assertThat(traveller.page()).hasURL(traveller.address(""));
    } else {
      traveller.open("");
    }

    assertThat(traveller.heading("Airline tickets")).isVisible();
    assertThat(traveller.ticketCards().filter(hasText("AX101"))).hasCount(1);
    assertThat(traveller.ticketCards().filter(hasText("BR410"))).hasCount(1);
    traveller.inspect("catalogue");
  }

  @Test
  void travellerNarrowsTheCatalogueByAirlineAndRoute() {
    Storefront traveller = person().open("");
    assertThat(traveller.ticketCards().first()).isVisible();

    traveller.page().getByLabel("Airline").fill("boreal");
    traveller.button("Show tickets").click();

    assertThat(traveller.page()).hasURL(Pattern.compile("airline=boreal"));
    assertThat(traveller.ticketCards().filter(hasText("BR410"))).hasCount(1);
    assertThat(traveller.ticketCards().filter(hasText("AX101"))).hasCount(0);
    traveller.inspect("catalogue-filtered");

    traveller.button("Clear filters").click();
    assertThat(traveller.ticketCards().filter(hasText("AX101"))).hasCount(1);
  }

  @Test
  void travellerReservesWatchesTheHoldCountDownPaysAndSeesTheBooking() {
    JsonNode ticket = airtix.sale().listTicket(agentToken(), "aerolux");
    NewUser person = airtix.newTraveller(app + "-buyer");
    Storefront traveller = person().open("tickets/" + ticket.path("id").asString());
    traveller.inspect("ticket-details");

    traveller.button("Sign in to reserve").click();
    traveller.signInAtKeycloak(person.username(), person.password());
    traveller.awaitSignedIn();
    traveller.button(RESERVE).click();

    assertThat(traveller.heading("Pay for your ticket")).isVisible();
    Locator timer = traveller.page().getByRole(AriaRole.TIMER);
    String before = timer.textContent();
    assertThat(timer)
        .not()
        .hasText(before, new LocatorAssertions.HasTextOptions().setTimeout(5_000));
    traveller.inspect("checkout");

    traveller.button(Pattern.compile("^Pay ")).click();
    traveller.button(Pattern.compile("^Confirm payment of ")).click();

    assertThat(traveller.heading("Your ticket is booked")).isVisible();
    traveller.inspect("booked");
    Assertions.assertThat(airtix.sale().ticketStatus(ticket.path("id").asString()))
        .isEqualTo("SOLD");

    traveller.link("My orders").click();
    assertThat(traveller.heading("My orders")).isVisible();
    assertThat(traveller.page().getByRole(AriaRole.TABLE)).containsText("Booked");
    traveller.inspect("my-orders");
  }

  @Test
  void anotherTravellerSeesTheSeatTakenWithinASecond() {
    JsonNode ticket = airtix.sale().listTicket(agentToken(), "aerolux");
    String path = "tickets/" + ticket.path("id").asString();
    NewUser person = airtix.newTraveller(app + "-first");
    Storefront first = person().open(path);
    first.button("Sign in to reserve").click();
    first.signInAtKeycloak(person.username(), person.password());
    first.awaitSignedIn();
    Storefront watcher = person().open(path);
    assertThat(watcher.button("Sign in to reserve")).isVisible();

    Response reserved =
        first
            .page()
            .waitForResponse(
                response ->
                    response.url().endsWith("/api/orders")
                        && response.request().method().equals("POST"),
                () -> first.button(RESERVE).click());
    Assertions.assertThat(reserved.status()).isEqualTo(201);

    assertThat(watcher.text("Someone else is holding this seat right now."))
        .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(1_000));
    watcher.inspect("seat-taken");
  }

  @Test
  void holdThatRunsOutEndsVisiblyAndTheSeatGoesBackOnSale() {
    JsonNode ticket = airtix.sale().listTicket(agentToken(), "aerolux");
    NewUser person = airtix.newTraveller(app + "-late");
    Storefront traveller = person().open("tickets/" + ticket.path("id").asString());
    traveller.button("Sign in to reserve").click();
    traveller.signInAtKeycloak(person.username(), person.password());
    traveller.awaitSignedIn();
    traveller.button(RESERVE).click();
    assertThat(traveller.heading("Pay for your ticket")).isVisible();

    assertThat(traveller.heading("This order has ended"))
        .isVisible(
            new LocatorAssertions.IsVisibleOptions()
                .setTimeout(RunningAirtix.HOLD.plusSeconds(30).toMillis()));
    assertThat(
            traveller.text(
                "Your hold ended before the ticket was paid, so the seat went back on sale."))
        .isVisible();
    traveller.inspect("hold-ended");
    Assertions.assertThat(airtix.sale().ticketStatus(ticket.path("id").asString()))
        .isEqualTo("AVAILABLE");
  }

  @Test
  void priceAnAgentChangesShowsUpLiveOnTheTicket() {
    JsonNode ticket = airtix.sale().listTicket(agentToken(), "aerolux");
    Storefront traveller = person().open("tickets/" + ticket.path("id").asString());
    assertThat(traveller.text("€149.90").first()).isVisible();

    airtix.sale().reprice(ticket.path("id").asString(), agentToken(), "169.90");

    assertThat(traveller.text("Price went up from €149.90 to €169.90.")).isVisible();
    traveller.inspect("price-changed");
  }

  @Test
  void reservationAtAPriceThatChangedMeanwhileAsksToConfirmTheNewPrice() {
    JsonNode ticket = airtix.sale().listTicket(agentToken(), "aerolux");
    NewUser person = airtix.newTraveller(app + "-stale");
    Storefront traveller = person();
    // the change reaches this page only through the API's answer, as when the live connection lags
    traveller.withoutLiveUpdates();
    traveller.open("tickets/" + ticket.path("id").asString());
    traveller.button("Sign in to reserve").click();
    traveller.signInAtKeycloak(person.username(), person.password());
    traveller.awaitSignedIn();
    assertThat(traveller.button("Reserve for €149.90")).isVisible();

    airtix.sale().reprice(ticket.path("id").asString(), agentToken(), "179.90");
    traveller.button("Reserve for €149.90").click();

    assertThat(traveller.text("Price went up from €149.90 to €179.90.")).isVisible();
    traveller.inspect("price-changed-at-reservation");
    traveller.button("Reserve at €179.90").click();
    assertThat(traveller.heading("Pay for your ticket")).isVisible();
  }

  /** In the smaller airline, whose first page of tickets is never full in this suite. */
  @Test
  void ticketAnAgentPublishesAppearsInTheCatalogueWithoutReloading() {
    Storefront traveller = person().open("?airline=boreal");
    assertThat(traveller.ticketCards().first()).isVisible();
    int shown = traveller.ticketCards().count();

    JsonNode ticket =
        airtix
            .sale()
            .listTicket(airtix.accessToken("boreal-agent", RunningAirtix.DEMO_PASSWORD), "boreal");

    // flight numbers of test tickets may repeat: the arrival is the card marked new
    Locator arrived =
        traveller
            .ticketCards()
            .filter(hasText(ticket.path("flightNumber").asString()))
            .filter(hasText("New"));
    assertThat(arrived).hasCount(1);
    assertThat(traveller.ticketCards()).hasCount(shown + 1);
    traveller.inspect("ticket-arrived");
  }

  @Test
  void seatHeldByAnotherAndTooManyAttemptsAreToldAsSentences() {
    JsonNode ticket = airtix.sale().listTicket(agentToken(), "aerolux");
    NewUser person = airtix.newTraveller(app + "-eager");
    Storefront traveller = person();
    traveller.withoutLiveUpdates();
    traveller.open("tickets/" + ticket.path("id").asString());
    traveller.button("Sign in to reserve").click();
    traveller.signInAtKeycloak(person.username(), person.password());
    traveller.awaitSignedIn();
    NewUser other = airtix.newTraveller(app + "-quicker");
    airtix.sale().reserve(ticket, airtix.accessToken(other.username(), other.password()));

    traveller.button(RESERVE).click();

    assertThat(traveller.text("Someone else is holding this seat right now.")).isVisible();
    traveller.inspect("conflict");

    JsonNode another = airtix.sale().listTicket(agentToken(), "aerolux");
    traveller.open("tickets/" + another.path("id").asString());
    traveller.awaitSignedIn();
    assertThat(traveller.button(RESERVE)).isVisible();
    // the limit refills a reservation every few seconds: spent right before the click
    String token = airtix.accessToken(person.username(), person.password());
    int attempts = 0;
    while (airtix.sale().send("POST", "/api/orders", token, reservationOf(ticket)).statusCode()
        != 429) {
      attempts++;
      Assertions.assertThat(attempts).as("reservations before the limit").isLessThan(100);
    }
    traveller.button(RESERVE).click();

    assertThat(
            traveller.text(
                Pattern.compile("You are going a little fast\\. Please wait .+ and try again\\.")))
        .isVisible();
    traveller.inspect("too-many-attempts");
  }

  @Test
  void travellerSignsUpWithTheMailFromTheCatcherAndIsSignedIn() {
    String username = app + "-new-" + System.nanoTime() % 100_000;
    String email = username + "@example.org";
    Storefront traveller = person().open("");
    traveller.button("Sign in").click();
    traveller.link("Register").click();
    traveller.page().getByLabel("Username").fill(username);
    traveller.page().getByLabel("Email").fill(email);
    traveller.page().getByLabel("First name").fill("Nina");
    traveller.page().getByLabel("Last name").fill("Newcomer");
    traveller.button("Register").click();
    assertThat(traveller.text("You need to verify your email address to activate your account."))
        .isVisible();

    Mail verification = airtix.mail().awaitMailTo(email);
    traveller.page().navigate(verification.link("/login-actions/action-token").toString());
    traveller.page().getByLabel("New Password").fill(RunningAirtix.DEMO_PASSWORD);
    traveller.page().getByLabel("Confirm password").fill(RunningAirtix.DEMO_PASSWORD);
    traveller.button("Submit").click();

    traveller.awaitSignedIn();
    Assertions.assertThat(traveller.page().url()).startsWith(RunningAirtix.GATEWAY + "/" + app);
    assertThat(traveller.link("Your account"))
        .hasAttribute("href", RunningAirtix.KEYCLOAK + "/realms/airtix/account");
    traveller.inspect("signed-in");
    traveller.button("Sign out").click();
    assertThat(traveller.button("Sign in")).isVisible();
  }

  private Storefront person() {
    Storefront storefront = new Storefront(chromium.browser(), app);
    people.add(storefront);
    return storefront;
  }

  private String agentToken() {
    return airtix.accessToken(AGENT, RunningAirtix.DEMO_PASSWORD);
  }

  private static String reservationOf(JsonNode ticket) {
    return """
        {"ticketId":"%s","price":%s,"currency":"%s"}
        """
        .formatted(
            ticket.path("id").asString(),
            ticket.path("price").asDecimal().toPlainString(),
            ticket.path("currency").asString());
  }

  private static Locator.FilterOptions hasText(String text) {
    return new Locator.FilterOptions().setHasText(text);
  }
}
