package io.airtix.tenants.config;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the tenants service reaches Keycloak's admin API: as the service account of its own
 * confidential client, never as a person and never through the master realm.
 *
 * @param serverUrl Keycloak's root, e.g. http://localhost:8180
 * @param realm the realm whose airlines this service manages
 * @param clientId the confidential client whose service account holds the realm-management roles
 * @param clientSecret its secret; comes from the environment or a secret store, never from a file
 *     in the repository
 */
@Validated
@ConfigurationProperties("airtix.tenants.keycloak")
public record KeycloakAdminSettings(
    @NotNull URI serverUrl,
    @DefaultValue("airtix") @NotBlank String realm,
    @DefaultValue("tenants") @NotBlank String clientId,
    @NotBlank(message = "is required: set AIRTIX_TENANTS_KEYCLOAK_CLIENT_SECRET")
        String clientSecret) {}
