package io.airtix.tenants;

import static org.assertj.core.api.Assertions.assertThat;

import io.airtix.testing.http.ServiceHttp;
import io.airtix.testing.keycloak.TestUser;
import io.airtix.testing.keycloak.TestUsers;
import io.airtix.testing.openapi.ApiContract;
import io.airtix.testing.openapi.ApiFuzzer;
import io.airtix.testing.openapi.ValidCall;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.springframework.boot.test.web.server.LocalManagementPort;

/**
 * The tenants API against its own OpenAPI description: every operation called, each answer as
 * described; then bad input derived from the description refused as it should be, with nothing
 * changed in Keycloak (the airlines, the airline's staff with their roles and standing, its
 * invitations).
 */
class TenantsApiContractIntegrationTests extends TenantsIntegrationTest {

  @LocalManagementPort int managementPort;

  @Test
  void everyOperationAnswersAsDescribedAndRefusesBadInputChangingNothing(TestReporter report)
      throws Exception {
    ApiContract contract =
        ApiContract.of(URI.create("http://localhost:" + managementPort + "/actuator/openapi"));
    ServiceHttp http = new ServiceHttp(port);
    String platformAdmin = token(platformAdmin());
    String alias = newAlias();
    TestUser tenantAdmin = keycloak.createUser(TestUsers.customer());
    createAirline(platformAdmin, alias, tenantAdmin);
    String admin = token(tenantAdmin);
    TestUser agent = keycloak.createUser(TestUsers.customer());
    addStaff(alias, admin, agent, "agent");
    String agentSession = sessionOf(http, alias, admin, agent);
    String staff = "/api/airlines/" + alias + "/staff";
    ApiFuzzer fuzzer = new ApiFuzzer(contract, http, () -> state(http, alias, admin));
    List<String> failures = new ArrayList<>();

    failures.addAll(
        fuzzer.fuzz(
            new ValidCall(
                "POST",
                "/api/airlines",
                platformAdmin,
                airline(newAlias(), "Airline of the contract", "first-admin@airtix.test"))));
    failures.addAll(fuzzer.fuzz(ValidCall.get("/api/airlines/" + alias, platformAdmin)));
    failures.addAll(fuzzer.fuzz(ValidCall.get("/api/airlines?page=0&size=5", platformAdmin)));
    failures.addAll(fuzzer.fuzz(ValidCall.get(staff + "?page=0&size=5", admin)));
    failures.addAll(
        fuzzer.fuzz(
            new ValidCall(
                "POST", staff, admin, staff("invited-" + alias + "@airtix.test", "auditor"))));
    failures.addAll(fuzzer.fuzz(ValidCall.get(staff + "/invitations", admin)));
    String invitation =
        http.send("GET", staff + "/invitations", admin, null).body().get(0).path("id").asString();
    failures.addAll(
        fuzzer.fuzz(new ValidCall("DELETE", staff + "/invitations/" + invitation, admin, null)));
    String member = staff + "/" + agent.id();
    failures.addAll(fuzzer.fuzz(ValidCall.get(member, admin)));
    failures.addAll(
        fuzzer.fuzz(new ValidCall("PUT", member + "/roles", admin, roles("agent", "auditor"))));
    failures.addAll(fuzzer.fuzz(ValidCall.get(member + "/sessions", admin)));
    failures.addAll(
        fuzzer.fuzz(new ValidCall("DELETE", member + "/sessions/" + agentSession, admin, null)));
    failures.addAll(fuzzer.fuzz(new ValidCall("DELETE", member + "/sessions", admin, null)));
    failures.addAll(fuzzer.fuzz(new ValidCall("POST", member + "/disable", admin, null)));
    failures.addAll(fuzzer.fuzz(new ValidCall("POST", member + "/enable", admin, null)));
    failures.addAll(fuzzer.fuzz(new ValidCall("POST", member + "/suspend", admin, null)));
    failures.addAll(fuzzer.fuzz(new ValidCall("DELETE", member, admin, null)));

    report.publishEntry("bad inputs sent", String.valueOf(fuzzer.badInputsSent()));
    assertThat(failures).isEmpty();
    assertThat(fuzzer.badInputsSent()).isGreaterThan(150);
    contract.assertEveryOperationCalled();
    assertThat(contract.document()).doesNotContain("\"caller\"");
  }

  /** Signs the agent in and finds that session in the airline's view of them. */
  private static String sessionOf(ServiceHttp http, String alias, String admin, TestUser agent)
      throws Exception {
    token(agent);
    ServiceHttp.Reply sessions =
        http.send(
            "GET", "/api/airlines/" + alias + "/staff/" + agent.id() + "/sessions", admin, null);
    assertThat(sessions.status()).as("%s", sessions).isEqualTo(200);
    return sessions.body().get(0).path("id").asString();
  }

  /** What a refused request must leave as it was, as the API shows it. */
  private static Map<String, Long> state(ServiceHttp http, String alias, String admin) {
    Map<String, Long> state = new TreeMap<>();
    try {
      state.put(
          "airlines", (long) keycloak.airtixRealm().resource().organizations().count(null, null));
      state.put("accounts", (long) keycloak.airtixRealm().resource().users().count());
      ServiceHttp.Reply staff =
          http.send("GET", "/api/airlines/" + alias + "/staff?size=100", admin, null);
      state.put("staff", (long) staff.response().body().hashCode());
      ServiceHttp.Reply invitations =
          http.send("GET", "/api/airlines/" + alias + "/staff/invitations", admin, null);
      state.put("invitations", (long) invitations.response().body().hashCode());
    } catch (Exception e) {
      throw new IllegalStateException("Could not read the airline's state", e);
    }
    return state;
  }
}
