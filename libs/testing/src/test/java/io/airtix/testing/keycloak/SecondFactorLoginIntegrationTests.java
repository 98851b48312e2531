package io.airtix.testing.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airtix.keycloakclient.AirtixRealm;
import io.airtix.keycloakclient.BrowserlessLogin;
import io.airtix.keycloakclient.LoginFailedException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;

/**
 * The second factor that the realm's browser flow demands of tenant and platform admins, met by the
 * fixture's logins the way a person meets it: an authenticator app set up at the first sign-in, its
 * codes at every later one.
 */
@ExtendWith(KeycloakExtension.class)
class SecondFactorLoginIntegrationTests {

  private final KeycloakServer keycloak;

  SecondFactorLoginIntegrationTests(KeycloakServer keycloak) {
    this.keycloak = keycloak;
  }

  @Test
  void aTenantAdminSetsUpAnAuthenticatorAppAtTheFirstLoginAndAnswersItsCodesAfterwards() {
    TestUser admin = keycloak.createUser(TestUsers.member("aerolux", "tenant-admin"));

    String first = keycloak.login(admin).accessToken();

    assertThat(admin.authenticator().key()).isPresent();
    assertThat(credentialTypes(admin)).contains("otp");
    assertThat(KeycloakServer.claims(first).path("sub").asText()).isEqualTo(admin.id());
    assertThat(KeycloakServer.claims(keycloak.login(admin).accessToken()).path("sub").asText())
        .isEqualTo(admin.id());
    assertThat(KeycloakServer.claims(keycloak.login(admin).accessToken()).path("sub").asText())
        .isEqualTo(admin.id());
  }

  @Test
  void aPlatformAdminMustUseASecondFactorToo() {
    TestUser platformAdmin = keycloak.createUser(TestUsers.platformAdmin());

    keycloak.login(platformAdmin);

    assertThat(platformAdmin.authenticator().key()).isPresent();
    assertThat(credentialTypes(platformAdmin)).contains("otp");
  }

  @Test
  void customersAndAgentsAreNotAskedForASecondFactor() {
    TestUser customer = keycloak.createUser(TestUsers.customer());
    TestUser agent = keycloak.createUser(TestUsers.member("aerolux", "agent"));

    keycloak.login(customer);
    keycloak.login(agent);

    assertThat(customer.authenticator().key()).isEmpty();
    assertThat(agent.authenticator().key()).isEmpty();
    assertThat(credentialTypes(customer)).containsExactly("password");
  }

  @Test
  void aLoginWithoutTheAdminsAuthenticatorAppSaysWhatIsMissing() {
    TestUser admin = keycloak.createUser(TestUsers.member("aerolux", "tenant-admin"));

    assertThatThrownBy(
            () ->
                BrowserlessLogin.login(
                    keycloak.baseUrl(),
                    KeycloakServer.REALM,
                    KeycloakServer.WEB_CLIENT,
                    KeycloakServer.WEB_REDIRECT_URI,
                    admin.username(),
                    admin.password()))
        .isInstanceOf(LoginFailedException.class)
        .hasMessageContaining("set up an authenticator app");
    keycloak.login(admin);
    assertThatThrownBy(
            () ->
                BrowserlessLogin.login(
                    keycloak.baseUrl(),
                    KeycloakServer.REALM,
                    KeycloakServer.WEB_CLIENT,
                    KeycloakServer.WEB_REDIRECT_URI,
                    admin.username(),
                    admin.password()))
        .isInstanceOf(LoginFailedException.class)
        .hasMessageContaining(
            "asks " + admin.username() + " for a code from their authenticator app");
  }

  @Test
  void everyAirlinesTenantAdminGroupCarriesTheRoleThatDemandsASecondFactor() {
    keycloak.airtixRealm().ensureAirline("lumen", "Lumen Air");

    List<RoleRepresentation> roles =
        keycloak
            .airtixRealm()
            .resource()
            .groups()
            .group(
                keycloak
                    .airtixRealm()
                    .resource()
                    .getGroupByPath(AirtixRealm.airlineGroupPath("lumen", "tenant-admin"))
                    .getId())
            .roles()
            .realmLevel()
            .listAll();

    assertThat(roles)
        .extracting(RoleRepresentation::getName)
        .contains(AirtixRealm.SECOND_FACTOR_REQUIRED_ROLE);
  }

  private List<String> credentialTypes(TestUser user) {
    return keycloak.airtixRealm().resource().users().get(user.id()).credentials().stream()
        .map(CredentialRepresentation::getType)
        .toList();
  }
}
