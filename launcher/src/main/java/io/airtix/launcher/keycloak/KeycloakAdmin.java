package io.airtix.launcher.keycloak;

import io.airtix.keycloakclient.AirtixRealm;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.time.Instant;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;

/**
 * Keycloak's admin API as its bootstrap administrator ({@code admin} of the master realm), whose
 * password the data folder keeps: how the launcher reaches into the Keycloak it started, for the
 * demo people and for the credentials the services need.
 */
public final class KeycloakAdmin {

  /** The confidential client whose service account the tenants service acts as. */
  static final String TENANTS_CLIENT = "tenants";

  private KeycloakAdmin() {}

  /** Logged in on first use; close it when done. */
  public static Keycloak connect(URI keycloakBaseUrl, String adminPassword) {
    return KeycloakBuilder.builder()
        .serverUrl(keycloakBaseUrl.toString())
        .realm("master")
        .clientId("admin-cli")
        .username(KeycloakServer.ADMIN_USERNAME)
        .password(adminPassword)
        .build();
  }

  /**
   * The secret of the tenants service's client. Read rather than set: Keycloak generated it when it
   * imported the realm, and it stays the same across restarts, so a tenants service started by
   * another launcher process (the distributed mode) gets the same one.
   */
  public static String tenantsClientSecret(
      URI keycloakBaseUrl, String realm, String adminPassword) {
    try (Keycloak admin = connect(keycloakBaseUrl, adminPassword)) {
      return new AirtixRealm(admin, realm).clientSecret(TENANTS_CLIENT);
    }
  }

  /**
   * Waits for a Keycloak this process did not start (the distributed mode starts it in a process of
   * its own) until its realm answers.
   */
  public static Duration awaitRealm(URI discoveryUrl, Duration timeout) {
    Instant start = Instant.now();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest discovery =
        HttpRequest.newBuilder(discoveryUrl).timeout(Duration.ofSeconds(2)).build();
    while (Duration.between(start, Instant.now()).compareTo(timeout) < 0) {
      try {
        if (http.send(discovery, BodyHandlers.discarding()).statusCode() == 200) {
          return Duration.between(start, Instant.now());
        }
      } catch (IOException notListeningYet) {
        // Keycloak opens its port only once it has built and started itself
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(
            "Interrupted while waiting for Keycloak at " + discoveryUrl, e);
      }
      KeycloakServer.pause();
    }
    throw new IllegalStateException(
        "Keycloak's realm did not answer at "
            + discoveryUrl
            + " within "
            + timeout.toSeconds()
            + " s: start Keycloak first (--only keycloak)");
  }
}
