package io.airtix.live.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.airtix.live.caller.Caller;
import io.airtix.live.caller.CallerMother;
import io.airtix.platform.authorization.AccessPolicy;
import io.airtix.platform.authorization.AuthorizationAutoConfiguration;
import io.airtix.platform.problem.ProblemTypes;
import io.airtix.platform.security.AirtixPrincipal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.ClassPathResource;

/** Who may follow what, by the repository's policies/ files as the platform jar packs them. */
class SubscriptionsTests {

  private static final String AEROLUX = "aerolux";
  private static final String BOREAL = "boreal";
  private static final List<String> NONE = List.of();

  private static final AccessPolicy POLICY =
      new AccessPolicy(
          AuthorizationAutoConfiguration.enforcer(
              new ClassPathResource("policies/model.conf"),
              new ClassPathResource("policies/policy.csv")));

  private final Subscriptions subscriptions = new Subscriptions(POLICY);

  @Test
  void grantsTheCatalogueToAnybody() {
    Subscription granted = subscriptions.grant(Caller.ANONYMOUS, channels("catalogue"));

    assertThat(granted.request().channels()).containsExactly("catalogue");
    assertThat(granted.customer()).isNull();
    assertThat(granted.staffReads()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"orders", "airline:aerolux"})
  void asksAnonymousCallersToSignInForAPrivateChannel(String channel) {
    SubscriptionRefusedException refused =
        refusal(Caller.ANONYMOUS, channels("catalogue", channel));

    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.type()).isEqualTo(ProblemTypes.UNAUTHORIZED);
    assertThat(refused).hasMessageContaining(channel);
  }

  @Test
  void grantsACustomerTheirOwnOrders() {
    Subscription granted =
        subscriptions.grant(
            signedIn(CallerMother.customer("alice")), channels("orders", "catalogue"));

    assertThat(granted.customer()).isEqualTo("alice");
    assertThat(granted.staffReads()).isEmpty();
    assertThat(granted.request().channels()).containsExactlyInAnyOrder("orders", "catalogue");
  }

  @Test
  void refusesTheOrdersChannelToStaffWhoAreNoCustomers() {
    SubscriptionRefusedException refused =
        refusal(signedIn(CallerMother.staff("admin", AEROLUX, "tenant-admin")), channels("orders"));

    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.type()).isEqualTo(ProblemTypes.FORBIDDEN);
  }

  @Test
  void grantsAnAgentItsAirlinesTicketsOrdersAndPaymentsButNotItsStaff() {
    Subscription granted =
        subscriptions.grant(
            signedIn(CallerMother.staff("agent", AEROLUX, "agent")), channels("airline:aerolux"));

    assertThat(granted.staffReads())
        .containsExactlyInAnyOrder("aerolux:tickets", "aerolux:orders", "aerolux:payments");
    assertThat(granted.customer()).isNull();
  }

  @Test
  void grantsATenantAdminTicketsOrdersPaymentsAndStaff() {
    Subscription granted =
        subscriptions.grant(
            signedIn(CallerMother.staff("admin", AEROLUX, "tenant-admin")),
            channels("airline:aerolux"));

    assertThat(granted.staffReads())
        .containsExactlyInAnyOrder(
            "aerolux:tickets", "aerolux:orders", "aerolux:payments", "aerolux:staff");
  }

  @Test
  void grantsAnAuditorTicketsOrdersAndPayments() {
    Subscription granted =
        subscriptions.grant(
            signedIn(CallerMother.staff("auditor", AEROLUX, "auditor")),
            channels("airline:aerolux"));

    assertThat(granted.staffReads())
        .containsExactlyInAnyOrder("aerolux:tickets", "aerolux:orders", "aerolux:payments");
  }

  @ParameterizedTest(name = "{0} of boreal")
  @ValueSource(strings = {"agent", "tenant-admin", "auditor"})
  void refusesAnotherAirlinesChannelToStaffOfOneAirline(String role) {
    SubscriptionRefusedException refused =
        refusal(
            signedIn(CallerMother.staff("boreal-" + role, BOREAL, role)),
            channels("airline:aerolux"));

    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.type()).isEqualTo(ProblemTypes.FORBIDDEN);
    assertThat(refused).hasMessageContaining(AEROLUX);
  }

  @Test
  void refusesAnAirlinesChannelToCustomersAndPlatformAdmins() {
    assertThat(
            refusal(signedIn(CallerMother.customer("alice")), channels("airline:aerolux")).status())
        .isEqualTo(403);
    assertThat(
            refusal(
                    signedIn(
                        CallerMother.principal(
                            "root", Set.of(AirtixPrincipal.PLATFORM_ADMIN), Map.of())),
                    channels("airline:aerolux"))
                .status())
        .isEqualTo(403);
  }

  @Test
  void refusesTheWholeRequestWhenOneChannelIsRefused() {
    AirtixPrincipal agent = CallerMother.staff("agent", AEROLUX, "agent");

    assertThat(refusal(signedIn(agent), channels("airline:aerolux", "airline:boreal")).status())
        .isEqualTo(403);
  }

  @Test
  void grantsTheChannelsOfEveryAirlineACallerWorksFor() {
    AirtixPrincipal both =
        CallerMother.principal(
            "consultant",
            Set.of(AirtixPrincipal.CUSTOMER),
            Map.of(AEROLUX, Set.of("agent"), BOREAL, Set.of("auditor")));

    Subscription granted =
        subscriptions.grant(
            signedIn(both), channels("airline:aerolux", "airline:boreal", "orders"));

    assertThat(granted.staffReads())
        .containsExactlyInAnyOrder(
            "aerolux:tickets",
            "aerolux:orders",
            "aerolux:payments",
            "boreal:tickets",
            "boreal:orders",
            "boreal:payments");
    assertThat(granted.customer()).isEqualTo("consultant");
  }

  private SubscriptionRefusedException refusal(Caller caller, SubscriptionRequest request) {
    SubscriptionRefusedException refused =
        catchThrowableOfType(
            SubscriptionRefusedException.class, () -> subscriptions.grant(caller, request));
    assertThat(refused).as("refusal").isNotNull();
    return refused;
  }

  private static Caller signedIn(AirtixPrincipal principal) {
    return CallerMother.signedIn(principal);
  }

  private static SubscriptionRequest channels(String... channels) {
    return SubscriptionRequest.of(List.of(channels), NONE, NONE, NONE, NONE);
  }
}
