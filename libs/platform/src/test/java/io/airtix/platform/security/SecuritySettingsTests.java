package io.airtix.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

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

  @Test
  void readsTheKeysWhereTheEnvironmentSaysWhenTheIssuerIsOutOfReach() {
    Map<String, Object> environment =
        Map.of(
            "AIRTIX_SECURITY_ISSUERURI", "http://localhost:18180/realms/airtix",
            "AIRTIX_SECURITY_JWKSETURI",
                "http://keycloak:8080/realms/airtix/protocol/openid-connect/certs");

    SecuritySettings settings =
        new Binder(
                ConfigurationPropertySources.from(
                    new SystemEnvironmentPropertySource(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment)))
            .bindOrCreate("airtix.security", SecuritySettings.class);

    assertThat(settings.issuerUri()).hasToString("http://localhost:18180/realms/airtix");
    assertThat(settings.jwkSetUri())
        .hasToString("http://keycloak:8080/realms/airtix/protocol/openid-connect/certs");
  }

  private static SecuritySettings settings(String issuer) {
    return new SecuritySettings(
        URI.create(issuer), null, Duration.ofSeconds(30), null, List.of(), Set.of("airtix-web"), 0);
  }
}
