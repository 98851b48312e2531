package io.airtix.tenants.staff;

import static org.assertj.core.api.Assertions.assertThat;

import io.airtix.tenants.TenantsIntegrationTest;
import io.airtix.testing.keycloak.TestUser;
import io.airtix.testing.keycloak.TestUsers;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * The tenants service keeps no database, yet it refuses a disabled person's still-valid token
 * within seconds: the deny-list of libs/platform hears Keycloak's ban through the broker (decision
 * 0013).
 */
class DisabledStaffIntegrationTests extends TenantsIntegrationTest {

  @Test
  void refusesTheStillValidTokenOfATenantAdminWhomKeycloakDisabled() throws Exception {
    String alias = newAlias();
    TestUser admin = keycloak.createUser(TestUsers.customer());
    createAirline(token(platformAdmin()), alias, admin);
    String adminToken = token(admin);
    assertThat(send("GET", "/api/airlines/" + alias + "/staff", adminToken, null).status())
        .isEqualTo(200);

    UserResource account = keycloak.airtixRealm().resource().users().get(admin.id());
    UserRepresentation disabled = account.toRepresentation();
    disabled.setEnabled(false);
    account.update(disabled);

    Awaitility.await("the disabled tenant admin's token refused")
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () ->
                send("GET", "/api/airlines/" + alias + "/staff", adminToken, null).status() == 401);
  }
}
