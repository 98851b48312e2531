package io.airtix.testing.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import io.airtix.testing.mail.Mail;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(KeycloakExtension.class)
class KeycloakServerMailIntegrationTests {

  private final KeycloakServer keycloak;

  KeycloakServerMailIntegrationTests(KeycloakServer keycloak) {
    this.keycloak = keycloak;
  }

  @Test
  void realmMailsReachTheTestMailServerFromTheRealmsSender() {
    TestUser user = keycloak.createUser(TestUsers.customer());

    keycloak
        .airtixRealm()
        .resource()
        .users()
        .get(user.id())
        .executeActionsEmail(List.of("UPDATE_PASSWORD"));

    Mail mail = keycloak.mailServer().awaitMailTo(user.email());
    assertThat(mail.from()).isEqualTo("no-reply@airtix.test");
    assertThat(mail.link("/realms/airtix/login-actions/action-token")).hasHost("localhost");
  }
}
