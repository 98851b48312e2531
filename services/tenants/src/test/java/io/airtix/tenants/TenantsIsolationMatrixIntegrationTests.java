package io.airtix.tenants;

import static org.assertj.core.api.Assertions.assertThat;

import io.airtix.testing.isolation.Caller;
import io.airtix.testing.isolation.IsolationMatrix;
import io.airtix.testing.isolation.IsolationScenario;
import io.airtix.testing.isolation.MatrixRequest;
import io.airtix.testing.isolation.MatrixRow;
import io.airtix.testing.isolation.Owner;
import io.airtix.testing.isolation.ServiceEndpoints;
import io.airtix.testing.keycloak.KeycloakServer;
import io.airtix.testing.keycloak.TestUser;
import io.airtix.testing.keycloak.TestUsers;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Tenant isolation of the tenants service as data: {@code isolation-matrix.csv} states, for every
 * endpoint under {@code /api}, what each kind of caller gets for airline A and airline B, and this
 * class asks every row with real tokens. Airlines A and B are created through the API by a platform
 * admin, their staff by their tenant admins.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantsIsolationMatrixIntegrationTests extends TenantsIntegrationTest
    implements IsolationScenario {

  private static final IsolationMatrix MATRIX =
      IsolationMatrix.fromClasspath("isolation-matrix.csv");
  // five base-36 digits after a distinct word: no alias of this run is part of another, as markers
  // must not overlap
  private static final String RUN =
      Long.toString(ThreadLocalRandom.current().nextLong(1_679_616L, 60_466_176L), 36);

  private final AtomicInteger newAirlines = new AtomicInteger();
  private final Map<Owner, Set<String>> markers =
      Map.of(Owner.A, ConcurrentHashMap.newKeySet(), Owner.B, ConcurrentHashMap.newKeySet());
  private final Map<Caller, TestUser> callers = new ConcurrentHashMap<>();
  private final Map<Caller, String> tokens = new ConcurrentHashMap<>();
  private final Map<Owner, Member> standingMembers = new ConcurrentHashMap<>();
  private final Map<Owner, String> standingInvitations = new ConcurrentHashMap<>();
  private final AtomicInteger newInvitations = new AtomicInteger();
  private Airline a;
  private Airline b;
  private TestUser candidate;

  /** An airline of the scenario, with the token of its tenant admin, who adds its staff. */
  private record Airline(Owner owner, String alias, String adminToken) {}

  /** A staff member and one of their login sessions (null when the row needs none). */
  private record Member(String id, String email, String sessionId) {}

  @BeforeAll
  void airlinesAAndBWithTheirStaff() throws Exception {
    String platformAdminToken = loggedIn(Caller.PLATFORM_ADMIN, platformAdmin());
    TestUser adminA = keycloak.createUser(TestUsers.customer());
    TestUser adminB = keycloak.createUser(TestUsers.customer());
    String aliasA = "alpha-" + RUN;
    String aliasB = "bravo-" + RUN;
    createAirline(platformAdminToken, aliasA, adminA);
    createAirline(platformAdminToken, aliasB, adminB);
    remember(Owner.A, aliasA, adminA.id(), adminA.email());
    remember(Owner.B, aliasB, adminB.id(), adminB.email());
    // tenant roles come with the token, so the first tenant admins log in only once they are
    // appointed
    String adminAToken = loggedIn(Caller.TENANT_ADMIN_OF_A, adminA);
    String adminBToken = token(adminB);
    a = new Airline(Owner.A, aliasA, adminAToken);
    b = new Airline(Owner.B, aliasB, adminBToken);
    // the member every row addresses that does not change its object
    standingMembers.put(Owner.A, newMember(a, true));
    standingMembers.put(Owner.B, newMember(b, true));
    for (Owner person :
        List.of(Owner.STAFF_OF_A_AND_B, Owner.PLATFORM_ADMIN_ON_A, Owner.NOBODYS_STAFF)) {
      standingMembers.put(person, newPerson(person, true));
    }
    standingInvitations.put(Owner.A, newInvitation(a));
    standingInvitations.put(Owner.B, newInvitation(b));
    callers.put(Caller.AGENT_OF_A, newStaff(a, "agent"));
    callers.put(Caller.AUDITOR_OF_A, newStaff(a, "auditor"));
    callers.put(Caller.CUSTOMER, keycloak.createUser(TestUsers.customer()));
    // whom the requests that must fail try to add: never staff anywhere
    candidate = keycloak.createUser(TestUsers.customer());
  }

  @Test
  void describesEveryEndpointOfTheServiceForEveryCallerAndAirline(
      @Autowired ApplicationContext context) {
    MATRIX.assertCovers(ServiceEndpoints.under(context, "/api"));
  }

  @TestFactory
  Stream<DynamicTest> answersEveryCallerAsTheMatrixSays() {
    return MATRIX.tests(URI.create("http://localhost:" + port), this);
  }

  @Override
  public String accessToken(Caller caller) {
    return tokens.computeIfAbsent(caller, who -> token(callers.get(who)));
  }

  @Override
  public Set<String> markersOf(Owner airline) {
    return Set.copyOf(markers.get(airline));
  }

  @Override
  public MatrixRequest request(MatrixRow row) {
    Airline airline = row.object() == Owner.B ? b : a;
    String path = row.endpoint().path();
    String method = row.endpoint().method();
    try {
      if (path.equals("/api/airlines")) {
        return method.equals("GET")
            ? MatrixRequest.none().withQuery("size=100")
            : MatrixRequest.none()
                .withBody(
                    airline(
                        "charlie-" + RUN + "-" + newAirlines.incrementAndGet(),
                        "Matrix Air",
                        keycloak.createUser(TestUsers.customer()).email()));
      }
      if (path.equals("/api/airlines/{alias}")) {
        return MatrixRequest.of(Map.of("alias", airline.alias()));
      }
      if (path.equals("/api/airlines/{alias}/staff")) {
        MatrixRequest staffOfAirline = MatrixRequest.of(Map.of("alias", airline.alias()));
        if (method.equals("GET")) {
          return staffOfAirline.withQuery("size=100");
        }
        TestUser person = candidate;
        if (row.changesItsObject()) {
          person = keycloak.createUser(TestUsers.customer());
          remember(airline.owner(), person.id(), person.email());
        }
        return staffOfAirline.withBody(staff(person.email(), "agent"));
      }
      if (path.equals("/api/airlines/{alias}/staff/invitations")) {
        return MatrixRequest.of(Map.of("alias", airline.alias()));
      }
      if (path.equals("/api/airlines/{alias}/staff/invitations/{invitationId}")) {
        String invitationId =
            row.changesItsObject()
                ? newInvitation(airline)
                : standingInvitations.get(airline.owner());
        return MatrixRequest.of(Map.of("alias", airline.alias(), "invitationId", invitationId));
      }
      if (path.startsWith("/api/airlines/{alias}/staff/{userId}")) {
        boolean withSession = path.endsWith("{sessionId}");
        Member member;
        if (!row.changesItsObject()) {
          member = standingMembers.get(row.object().isPerson() ? row.object() : airline.owner());
        } else if (row.object().isPerson()) {
          member = newPerson(row.object(), withSession);
        } else {
          member = newMember(airline, withSession);
        }
        Map<String, String> variables =
            path.endsWith("{sessionId}")
                ? Map.of(
                    "alias",
                    airline.alias(),
                    "userId",
                    member.id(),
                    "sessionId",
                    member.sessionId())
                : Map.of("alias", airline.alias(), "userId", member.id());
        MatrixRequest request = MatrixRequest.of(variables);
        return path.endsWith("/roles") ? request.withBody(roles("agent", "auditor")) : request;
      }
    } catch (Exception e) {
      throw new IllegalStateException("could not prepare " + row, e);
    }
    throw new IllegalStateException("this scenario does not know how to call " + row.endpoint());
  }

  private String loggedIn(Caller caller, TestUser user) {
    callers.put(caller, user);
    return tokens.computeIfAbsent(caller, who -> token(user));
  }

  /**
   * A new agent of the airline, added by its tenant admin, optionally logged in once to have a
   * session.
   */
  private Member newMember(Airline airline, boolean withSession) throws Exception {
    TestUser person = newStaff(airline, "agent");
    String sessionId =
        withSession ? KeycloakServer.claims(token(person)).path("sid").asText() : null;
    if (sessionId != null) {
      remember(airline.owner(), sessionId);
    }
    return new Member(person.id(), person.email(), sessionId);
  }

  /**
   * One of the people addressed through A's URLs whose accounts reach beyond A, optionally logged
   * in once to have a session. Whatever A's tenant admin may read of them counts as A's data.
   */
  private Member newPerson(Owner kind, boolean withSession) throws Exception {
    TestUser person =
        switch (kind) {
          case STAFF_OF_A_AND_B -> {
            TestUser staff = newStaff(a, "agent");
            addStaff(b.alias(), b.adminToken(), staff, "agent");
            yield staff;
          }
          case PLATFORM_ADMIN_ON_A -> {
            TestUser platformAdmin = platformAdmin();
            addStaff(a.alias(), a.adminToken(), platformAdmin, "auditor");
            remember(Owner.A, platformAdmin.id(), platformAdmin.email());
            yield platformAdmin;
          }
          case NOBODYS_STAFF -> keycloak.createUser(TestUsers.customer());
          default -> throw new IllegalArgumentException(kind + " is no person");
        };
    String sessionId =
        withSession ? KeycloakServer.claims(token(person)).path("sid").asText() : null;
    if (sessionId != null && kind != Owner.NOBODYS_STAFF) {
      remember(Owner.A, sessionId);
    }
    return new Member(person.id(), person.email(), sessionId);
  }

  private TestUser newStaff(Airline airline, String role) throws Exception {
    TestUser person = keycloak.createUser(TestUsers.customer());
    addStaff(airline.alias(), airline.adminToken(), person, role);
    remember(airline.owner(), person.id(), person.email());
    return person;
  }

  /** An invitation of an address without an account, sent by the airline's tenant admin; its id. */
  private String newInvitation(Airline airline) throws Exception {
    String email =
        "invited-" + newInvitations.incrementAndGet() + "-" + airline.alias() + "@example.org";
    Reply invited =
        send(
            "POST",
            "/api/airlines/" + airline.alias() + "/staff",
            airline.adminToken(),
            staff(email, "agent"));
    assertThat(invited.status()).as("invite: %s", invited.body()).isEqualTo(202);
    remember(airline.owner(), email);
    return invited.body().path("id").asString();
  }

  private void remember(Owner airline, String... values) {
    markers.get(airline).addAll(Set.of(values));
  }
}
