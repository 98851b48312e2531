package io.airtix.testing.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RealmPlaceholdersTests {

  @Test
  void fillsAPlaceholderWithItsValueElseItsDefault() {
    String realm =
        """
        {"redirectUris": ["${AIRTIX_PUBLIC_URL:http://localhost:8080}/*"], "user": "${SMTP_USER:}",
         "secret": "${CLIENT_SECRET}"}""";

    assertThat(RealmPlaceholders.resolve(realm, Map.of("CLIENT_SECRET", "s3$cr\\et")))
        .isEqualTo(
            """
            {"redirectUris": ["http://localhost:8080/*"], "user": "",
             "secret": "s3$cr\\et"}""");
  }

  @Test
  void leavesTheRealmsMessageKeysAlone() {
    String description = "{\"description\": \"${role_offline-access}\"}";

    assertThat(RealmPlaceholders.resolve(description, Map.of())).isEqualTo(description);
  }

  @Test
  void refusesAPlaceholderWithoutValueOrDefault() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> RealmPlaceholders.resolve("{\"secret\": \"${CLIENT_SECRET}\"}", Map.of()))
        .withMessageContaining("${CLIENT_SECRET}");
  }

  @Test
  void theRealmFileResolvesWithOnlyTheTenantsClientSecretGiven() throws IOException {
    String realm = Files.readString(KeycloakDistribution.fromSystemProperties().realmFile());

    String resolved =
        RealmPlaceholders.resolve(
            realm, Map.of("AIRTIX_TENANTS_KEYCLOAK_CLIENT_SECRET", "tenants-secret"));

    assertThat(resolved)
        .contains("\"redirectUris\": [\"http://localhost:8080/*\"]")
        .contains("\"host\": \"localhost\"")
        .contains("\"secret\": \"tenants-secret\"")
        .doesNotContain("${AIRTIX_");
  }
}
