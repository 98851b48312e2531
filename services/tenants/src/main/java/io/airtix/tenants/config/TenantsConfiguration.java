package io.airtix.tenants.config;

import io.airtix.keycloakclient.AirtixRealm;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KeycloakAdminSettings.class)
public class TenantsConfiguration {

  /**
   * The admin client logs in with the client-credentials grant on first use and renews its token
   * itself, so the service starts while Keycloak is still down.
   */
  @Bean(destroyMethod = "close")
  Keycloak keycloakAdmin(KeycloakAdminSettings settings) {
    return KeycloakBuilder.builder()
        .serverUrl(settings.serverUrl().toString())
        .realm(settings.realm())
        .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
        .clientId(settings.clientId())
        .clientSecret(settings.clientSecret())
        .build();
  }

  @Bean
  AirtixRealm airtixRealm(Keycloak keycloakAdmin, KeycloakAdminSettings settings) {
    return new AirtixRealm(keycloakAdmin, settings.realm());
  }
}
