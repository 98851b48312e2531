package io.airtix.platform.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airtix.platform.problem.ForbiddenProblem;
import io.airtix.platform.problem.NotFoundProblem;
import io.airtix.platform.security.AirtixPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ClassPathResource;

/**
 * The repository's policies/ files, as packed into the platform jar, against a table of expected
 * rights.
 */
class AccessPolicyTests {

  private final AccessPolicy policy =
      new AccessPolicy(
          AuthorizationAutoConfiguration.enforcer(
              new ClassPathResource("policies/model.conf"),
              new ClassPathResource("policies/policy.csv")));

  @ParameterizedTest(name = "{0} of {1} -> {4} {3} of {2}: {5}, answers {6}")
  @CsvFileSource(resources = "/access-policy-table.csv")
  void grantsExactlyTheRightsOfTheTable(
      String role,
      String roleAirline,
      String objectAirline,
      String resource,
      String action,
      String allowed,
      String answer) {
    AirtixPrincipal caller = PrincipalMother.holding(role, roleAirline);

    assertThat(policy.allows(caller, action, resource, objectAirline))
        .isEqualTo("allow".equals(allowed));
    assertThat(answer(caller, action, resource, objectAirline)).isEqualTo(answer);
  }

  @Test
  void keepsRolesOfTwoAirlinesApart() {
    AirtixPrincipal caller =
        new AirtixPrincipal(
            "u",
            "u",
            null,
            null,
            Set.of(),
            Map.of("aerolux", Set.of("agent"), "boreal", Set.of("auditor")));

    assertThat(policy.allows(caller, "update", "tickets", "aerolux")).isTrue();
    assertThat(policy.allows(caller, "read", "tickets", "boreal")).isTrue();
    assertThat(policy.allows(caller, "update", "tickets", "boreal")).isFalse();
    assertThat(policy.allows(caller, "read", "payments", "aerolux")).isTrue();
    assertThat(policy.allows(caller, "read", "payments", "skyla")).isFalse();
    assertThat(policy.airlinesAllowing(caller, "read", "tickets"))
        .containsExactlyInAnyOrder("aerolux", "boreal");
    assertThat(policy.airlinesAllowing(caller, "update", "tickets")).containsExactly("aerolux");
    assertThat(policy.airlinesAllowing(caller, "read", "orders"))
        .containsExactlyInAnyOrder("aerolux", "boreal");
  }

  @Test
  void letsAnAgentReadItsAirlinesOrdersAndPaymentsButNeitherWriteThemNorReadAnotherAirlines() {
    AirtixPrincipal agent = PrincipalMother.member("aerolux", "agent");

    assertThat(policy.airlinesAllowing(agent, "read", "orders")).containsExactly("aerolux");
    assertThat(policy.airlinesAllowing(agent, "read", "payments")).containsExactly("aerolux");
    assertThat(policy.allows(agent, "read", "orders", "boreal")).isFalse();
    assertThat(policy.allows(agent, "read", "payments", "boreal")).isFalse();
    for (String ordersAction : List.of("create", "read-own", "cancel-own")) {
      assertThat(policy.allowsSomewhere(agent, ordersAction, "orders")).as(ordersAction).isFalse();
    }
    for (String paymentsAction : List.of("pay", "read-own")) {
      assertThat(policy.allowsSomewhere(agent, paymentsAction, "payments"))
          .as(paymentsAction)
          .isFalse();
    }
    assertThatThrownBy(
            () ->
                policy.requireOnObject(
                    agent,
                    "read",
                    "payments",
                    "boreal",
                    () -> new NotFoundProblem("AIRLINE_NOT_FOUND", "No airline boreal.")))
        .isInstanceOf(NotFoundProblem.class);
  }

  @Test
  void grantsNothingThroughAnAirlineGroupNamedLikeAPlatformRoleOrUnknownToThePolicy() {
    AirtixPrincipal caller =
        new AirtixPrincipal(
            "u",
            "u",
            null,
            null,
            Set.of(),
            Map.of("aerolux", Set.of("platform-admin", "customer", "suspended")));

    assertThat(policy.tenantRoles()).containsExactlyInAnyOrder("tenant-admin", "agent", "auditor");
    assertThat(policy.allows(caller, "read", "airlines", "aerolux")).isFalse();
    assertThat(policy.allows(caller, "create", "orders", "aerolux")).isFalse();
    assertThat(policy.allowsSomewhere(caller, "read", "airlines")).isFalse();
    assertThat(policy.airlinesAllowing(caller, "read", "airlines")).isEmpty();
  }

  @Test
  void answersForeignObjectWithTheServicesOwnNotFound() {
    AirtixPrincipal agent = PrincipalMother.member("aerolux", "agent");
    NotFoundProblem ticketNotFound = new NotFoundProblem("TICKET_NOT_FOUND", "No ticket 42.");

    assertThatThrownBy(
            () ->
                policy.requireOnObject(agent, "update", "tickets", "boreal", () -> ticketNotFound))
        .isSameAs(ticketNotFound);
  }

  @Test
  void staysConsistentUnderConcurrentRequests() throws Exception {
    AirtixPrincipal agent = PrincipalMother.member("aerolux", "agent");
    AirtixPrincipal customer = PrincipalMother.platform("customer");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Boolean>> checks = new ArrayList<>();
      for (int task = 0; task < 64; task++) {
        checks.add(
            () -> {
              for (int i = 0; i < 500; i++) {
                if (!policy.allows(agent, "update", "tickets", "aerolux")
                    || policy.allows(agent, "update", "tickets", "boreal")
                    || policy.allows(customer, "create", "tickets", "aerolux")) {
                  return false;
                }
              }
              return true;
            });
      }
      for (Future<Boolean> result : pool.invokeAll(checks)) {
        assertThat(result.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void readsPolicyFromConfiguredLocation() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(AuthorizationAutoConfiguration.class))
        .withPropertyValues("airtix.policies.policy=classpath:policy-override/policy.csv")
        .run(
            context -> {
              AccessPolicy overridden = context.getBean(AccessPolicy.class);
              assertThat(
                      overridden.allows(
                          PrincipalMother.platform("customer"), "create", "tickets", "aerolux"))
                  .isTrue();
              assertThat(
                      overridden.allows(
                          PrincipalMother.member("aerolux", "agent"),
                          "create",
                          "tickets",
                          "aerolux"))
                  .isFalse();
            });
  }

  @Test
  void readsPackagedPolicyByDefault() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(AuthorizationAutoConfiguration.class))
        .run(
            context ->
                assertThat(
                        context
                            .getBean(AccessPolicy.class)
                            .allows(
                                PrincipalMother.member("aerolux", "agent"),
                                "create",
                                "tickets",
                                "aerolux"))
                    .isTrue());
  }

  private String answer(AirtixPrincipal caller, String action, String resource, String airline) {
    try {
      if ("create".equals(action)) {
        policy.require(caller, action, resource, airline);
      } else {
        policy.requireOnObject(
            caller,
            action,
            resource,
            airline,
            () -> new NotFoundProblem("NOT_FOUND", "No such object."));
      }
      return "allow";
    } catch (ForbiddenProblem forbidden) {
      return "403";
    } catch (NotFoundProblem notFound) {
      return "404";
    }
  }

  @Test
  void requireSomewhereRejectsCallerWithoutTheRightAnywhere() {
    assertThatThrownBy(
            () ->
                policy.requireSomewhere(PrincipalMother.platform("customer"), "update", "tickets"))
        .isInstanceOf(ForbiddenProblem.class);
    assertThatCode(
            () ->
                policy.requireSomewhere(
                    PrincipalMother.member("boreal", "agent"), "update", "tickets"))
        .doesNotThrowAnyException();
  }
}
