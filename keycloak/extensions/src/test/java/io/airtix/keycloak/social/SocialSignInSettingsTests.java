package io.airtix.keycloak.social;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.keycloak.Config;

class SocialSignInSettingsTests {

  @Test
  void offersNoProviderWithoutCredentials() {
    SocialSignInSettings settings = SocialSignInSettings.from(scope(Map.of()));

    assertThat(settings.realm()).isEqualTo("airtix");
    assertThat(settings.supplied()).isEmpty();
    assertThat(settings.withdrawn()).containsExactly("google", "facebook", "x", "oidc");
  }

  @Test
  void offersAProviderOnlyWhenBothItsClientIdAndSecretAreSupplied() {
    SocialSignInSettings settings =
        SocialSignInSettings.from(
            scope(
                Map.of(
                    "google-client-id",
                    "g-id",
                    "google-client-secret",
                    "g-secret",
                    "facebook-client-id",
                    "f-id",
                    "x-client-secret",
                    "x-secret")));

    assertThat(settings.supplied())
        .extracting(supplied -> supplied.provider().alias())
        .containsExactly("google");
    assertThat(settings.withdrawn()).containsExactly("facebook", "x", "oidc");
  }

  @Test
  void countsABlankValueAsNotSupplied() {
    SocialSignInSettings settings =
        SocialSignInSettings.from(
            scope(Map.of("google-client-id", "g-id", "google-client-secret", " ")));

    assertThat(settings.supplied()).isEmpty();
  }

  @Test
  void setsUpXThroughTheGenericOAuth2ProviderWithPkce() {
    SocialSignInSettings settings =
        SocialSignInSettings.from(
            scope(Map.of("x-client-id", "x-id", "x-client-secret", "x-secret")));

    SocialProvider x = settings.supplied().get(0).provider();
    assertThat(x.providerId()).isEqualTo("oauth2");
    assertThat(x.trustEmail()).isFalse();
    assertThat(x.config())
        .containsEntry("userIDClaim", "data.id")
        .containsEntry("pkceMethod", "S256")
        .containsEntry("clientAuthMethod", "client_secret_basic");
  }

  @Test
  void trustsGooglesAddressesOnly() {
    SocialSignInSettings settings =
        SocialSignInSettings.from(
            scope(
                Map.of(
                    "google-client-id",
                    "g",
                    "google-client-secret",
                    "s",
                    "facebook-client-id",
                    "f",
                    "facebook-client-secret",
                    "s",
                    "x-client-id",
                    "x",
                    "x-client-secret",
                    "s")));

    assertThat(settings.supplied())
        .extracting(
            supplied -> supplied.provider().alias() + "=" + supplied.provider().trustEmail())
        .containsExactly("google=true", "facebook=false", "x=false");
  }

  @Test
  void setsUpAnOpenIdConnectProviderFromItsEndpoints() {
    SocialSignInSettings settings =
        SocialSignInSettings.from(
            scope(
                Map.of(
                    "oidc-client-id",
                    "airtix",
                    "oidc-client-secret",
                    "s",
                    "oidc-display-name",
                    "Partner",
                    "oidc-trust-email",
                    "true",
                    "oidc-issuer",
                    "https://id.example/realms/p",
                    "oidc-authorization-url",
                    "https://id.example/auth",
                    "oidc-token-url",
                    "https://id.example/token",
                    "oidc-jwks-url",
                    "https://id.example/certs")));

    SocialProvider oidc = settings.supplied().get(0).provider();
    assertThat(oidc.displayName()).isEqualTo("Partner");
    assertThat(oidc.trustEmail()).isTrue();
    assertThat(oidc.config())
        .containsEntry("issuer", "https://id.example/realms/p")
        .doesNotContainKey("userInfoUrl");
  }

  @Test
  void refusesAnOpenIdConnectProviderWithoutItsEndpoints() {
    assertThatIllegalStateException()
        .isThrownBy(
            () ->
                SocialSignInSettings.from(
                    scope(Map.of("oidc-client-id", "airtix", "oidc-client-secret", "s"))))
        .withMessageContaining("--spi-social-sign-in--airtix--oidc-issuer");
  }

  @Test
  void neverShowsTheSecret() {
    SocialSignInSettings settings =
        SocialSignInSettings.from(
            scope(Map.of("google-client-id", "g-id", "google-client-secret", "very-secret")));

    assertThat(settings.toString()).contains("g-id").doesNotContain("very-secret");
  }

  private static Config.Scope scope(Map<String, String> values) {
    return new Config.Scope() {
      @Override
      public String get(String key) {
        return values.get(key);
      }

      @Override
      public String get(String key, String defaultValue) {
        return values.getOrDefault(key, defaultValue);
      }

      @Override
      public String[] getArray(String key) {
        String value = get(key);
        return value == null ? null : value.split(",");
      }

      @Override
      public Integer getInt(String key, Integer defaultValue) {
        String value = get(key);
        return value == null ? defaultValue : Integer.valueOf(value);
      }

      @Override
      public Long getLong(String key, Long defaultValue) {
        String value = get(key);
        return value == null ? defaultValue : Long.valueOf(value);
      }

      @Override
      public Boolean getBoolean(String key, Boolean defaultValue) {
        String value = get(key);
        return value == null ? defaultValue : Boolean.valueOf(value);
      }

      @Override
      public Config.Scope scope(String... scope) {
        throw new UnsupportedOperationException();
      }

      @Override
      public Set<String> getPropertyNames() {
        return values.keySet();
      }

      @Override
      public Config.Scope root() {
        throw new UnsupportedOperationException();
      }
    };
  }
}
