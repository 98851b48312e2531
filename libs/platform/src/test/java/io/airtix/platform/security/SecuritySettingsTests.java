package io.airtix.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecuritySettingsTests {

  @Test
  void namesTheRealmAndItsKeysFromTheIssuer() {
    SecuritySettings settings = settings("http://localhost:8180/realms/airtix");

    assertThat(settings.realm()).isEqualTo("airtix");
    assertThat(settings.jwkSetUri())
        .hasToString("http://localhost:8180/realms/airtix/protocol/openid-connect/certs");
  }

  @Test
  void readsTheRealmBehindAPathPrefixAndATrailingSlash() {
    assertThat(settings("https://id.example.org/auth/realms/partner/").realm())
        .isEqualTo("partner");
  }

  private static SecuritySettings settings(String issuer) {
    return new SecuritySettings(
        URI.create(issuer), Duration.ofSeconds(30), null, List.of(), Set.of("airtix-web"), 0);
  }
}
