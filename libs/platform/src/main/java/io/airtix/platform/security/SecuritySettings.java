package io.airtix.platform.security;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a service checks access tokens.
 *
 * @param issuerUri the realm URL that must appear as {@code iss}, e.g.
 *     http://localhost:8180/realms/airtix, the address people's browsers reach Keycloak at
 * @param jwkSetUri where the realm's signing keys are read; the issuer's {@code
 *     /protocol/openid-connect/certs} when unset. Set where the service cannot reach the issuer's
 *     public address, as in a container: Keycloak's address inside the network, e.g.
 *     http://keycloak:8080/realms/airtix/protocol/openid-connect/certs
 * @param clockSkew tolerance for {@code exp} and {@code nbf} between Keycloak's clock and ours
 * @param audience the value {@code aud} must contain; the service's {@code spring.application.name}
 *     when unset
 * @param publicEndpoints requests that need no token, as {@code "METHOD /path/pattern"} or {@code
 *     "/path/pattern"}
 * @param clients the clients whose access tokens the service accepts ({@code azp}); the web apps'
 *     public client by default
 * @param verifiedTokens how many verified tokens to remember until they expire, so a client's next
 *     requests with the same token skip the signature check (the deny-list is still asked every
 *     time); 0 checks every request in full
 */
@Validated
@ConfigurationProperties("airtix.security")
public record SecuritySettings(
    @NotNull URI issuerUri,
    @Nullable URI jwkSetUri,
    @DefaultValue("30s") Duration clockSkew,
    String audience,
    @DefaultValue List<String> publicEndpoints,
    @DefaultValue("airtix-web") Set<String> clients,
    @DefaultValue("10000") @PositiveOrZero int verifiedTokens) {

  /** The realm's name: the last segment of {@link #issuerUri()}, e.g. {@code airtix}. */
  public String realm() {
    String issuer = issuerUri.getPath().replaceAll("/+$", "");
    return issuer.substring(issuer.lastIndexOf('/') + 1);
  }

  @Override
  public URI jwkSetUri() {
    if (jwkSetUri != null) {
      return jwkSetUri;
    }
    String issuer = issuerUri.toString();
    return URI.create(
        (issuer.endsWith("/") ? issuer : issuer + "/") + "protocol/openid-connect/certs");
  }
}
