package io.airtix.testing.isolation;

import io.airtix.keycloakclient.NewUser;
import io.airtix.testing.keycloak.KeycloakServer;
import io.airtix.testing.keycloak.TestUsers;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The people behind a matrix's callers: one fresh account per caller, signed in once through the
 * real login flow, tenant roles held in airline A only.
 */
public final class SignedInCallers {

  private SignedInCallers() {}

  /** Access tokens of every caller but {@link Caller#ANONYMOUS}. */
  public static Map<Caller, String> tokens(KeycloakServer keycloak, String airlineA) {
    Map<Caller, String> tokens = new EnumMap<>(Caller.class);
    tokens.put(Caller.CUSTOMER, token(keycloak, TestUsers.customer()));
    tokens.put(Caller.AGENT_OF_A, token(keycloak, TestUsers.member(airlineA, "agent")));
    tokens.put(
        Caller.TENANT_ADMIN_OF_A, token(keycloak, TestUsers.member(airlineA, "tenant-admin")));
    tokens.put(Caller.AUDITOR_OF_A, token(keycloak, TestUsers.member(airlineA, "auditor")));
    tokens.put(Caller.PLATFORM_ADMIN, token(keycloak, TestUsers.platformAdmin()));
    return Collections.unmodifiableMap(tokens);
  }

  private static String token(KeycloakServer keycloak, NewUser person) {
    return keycloak.login(keycloak.createUser(person)).accessToken();
  }
}
