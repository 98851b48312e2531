package io.airtix.infra.images;

import static org.assertj.core.api.Assertions.assertThat;

import dasniko.testcontainers.keycloak.KeycloakContainer;
import io.airtix.keycloakclient.AirtixRealm;
import io.airtix.keycloakclient.BrowserlessLogin;
import io.airtix.keycloakclient.NewUser;
import io.airtix.keycloakclient.TokenEndpoint;
import io.airtix.keycloakclient.Tokens;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * Our Keycloak image as production runs it: {@code start --optimized} on PostgreSQL, the realm
 * imported at its first start, behind no proxy. Started through testcontainers-keycloak; no image
 * is ever pulled.
 */
class KeycloakImageIntegrationTests {

  private static final String DATABASE_PASSWORD = UUID.randomUUID().toString();
  private static final String TENANTS_CLIENT_SECRET = UUID.randomUUID().toString();

  /** The web apps' address as a deployment gives it, not the standalone default. */
  private static final String PUBLIC_URL = "http://localhost:18080";

  private static final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static Network network;
  private static GenericContainer<?> postgres;
  private static KeycloakContainer keycloak;

  @BeforeAll
  static void startKeycloakOnPostgresql() {
    network = Network.newNetwork();
    postgres =
        new GenericContainer<>(image("airtix.image.postgres"))
            .withImagePullPolicy(name -> false)
            .withNetwork(network)
            .withNetworkAliases("postgres")
            .withEnv("POSTGRES_USER", "keycloak")
            .withEnv("POSTGRES_PASSWORD", DATABASE_PASSWORD)
            .withEnv("POSTGRES_DB", "keycloak")
            .withExposedPorts(5432)
            .waitingFor(Wait.forListeningPort());
    postgres.start();
    keycloak =
        new KeycloakContainer(image("airtix.image.keycloak"))
            .withImagePullPolicy(name -> false)
            .withProductionMode()
            .withOptimizedFlag()
            .withNetwork(network)
            .withEnv("KC_DB_URL", "jdbc:postgresql://postgres:5432/keycloak")
            .withEnv("KC_DB_USERNAME", "keycloak")
            .withEnv("KC_DB_PASSWORD", DATABASE_PASSWORD)
            // plain HTTP on a loopback port for this test; production sets KC_HOSTNAME and a proxy
            .withEnv("KC_HTTP_ENABLED", "true")
            .withEnv("KC_HOSTNAME_STRICT", "false")
            // the realm's settings of this deployment, filled in at its first import
            .withEnv("AIRTIX_TENANTS_KEYCLOAK_CLIENT_SECRET", TENANTS_CLIENT_SECRET)
            .withEnv("AIRTIX_PUBLIC_URL", PUBLIC_URL)
            .withEnv("AIRTIX_SMTP_HOST", "mail.airtix.test")
            .withEnv("AIRTIX_SMTP_PORT", "2525")
            .withStartupTimeout(Duration.ofMinutes(5));
    keycloak.start();
  }

  @AfterAll
  static void stop() {
    if (keycloak != null) {
      keycloak.stop();
    }
    if (postgres != null) {
      postgres.stop();
    }
    if (network != null) {
      network.close();
    }
  }

  @Test
  void importsTheRealmAtItsFirstStart() throws Exception {
    HttpResponse<String> discovery =
        get(baseUrl().resolve("/realms/airtix/.well-known/openid-configuration"));

    assertThat(discovery.statusCode()).isEqualTo(200);
    assertThat(discovery.body()).contains("\"issuer\":\"" + baseUrl() + "/realms/airtix\"");
  }

  @Test
  void servesTheAirtixThemeOnTheSignInPage() throws Exception {
    HttpResponse<String> signIn = signInPage(PUBLIC_URL + "/react/callback");

    assertThat(signIn.statusCode()).isEqualTo(200);
    assertThat(signIn.body()).contains("/login/airtix/");
  }

  @Test
  void loadsOurExtension() {
    try (Keycloak admin = keycloak.getKeycloakAdminClient()) {
      var providers = admin.serverInfo().getInfo().getProviders();

      assertThat(providers.get("eventsListener").getProviders()).containsKey("airtix");
      assertThat(admin.realm("airtix").toRepresentation().getEventsListeners()).contains("airtix");
    }
  }

  @Test
  void issuesATokenThroughTheSignInFlowOfTheWebApps() {
    String username = "image-" + UUID.randomUUID().toString().substring(0, 8);
    String password = "Long-enough-" + UUID.randomUUID();
    try (Keycloak admin = keycloak.getKeycloakAdminClient()) {
      new AirtixRealm(admin)
          .createUser(NewUser.customer(username, username + "@example.org", "Ima", "Ge", password));
    }

    Tokens tokens =
        BrowserlessLogin.login(
            baseUrl(),
            AirtixRealm.NAME,
            "airtix-web",
            URI.create(PUBLIC_URL + "/react/callback"),
            username,
            password);

    String claims = claimsOf(tokens.accessToken());
    assertThat(claims).contains("\"iss\":\"" + baseUrl() + "/realms/airtix\"");
    assertThat(claims).contains("\"preferred_username\":\"" + username + "\"");
    assertThat(claims).contains("customer");
  }

  @Test
  void takesTheRealmsSettingsFromTheEnvironmentAtItsFirstImport() throws Exception {
    Tokens tenants =
        TokenEndpoint.clientCredentials(
            baseUrl(), AirtixRealm.NAME, "tenants", TENANTS_CLIENT_SECRET);
    assertThat(claimsOf(tenants.accessToken())).contains("\"azp\":\"tenants\"");

    try (Keycloak admin = keycloak.getKeycloakAdminClient()) {
      assertThat(admin.realm(AirtixRealm.NAME).toRepresentation().getSmtpServer())
          .containsEntry("host", "mail.airtix.test")
          .containsEntry("port", "2525");
    }

    // the standalone default address is no redirect target of this deployment
    HttpResponse<String> elsewhere = signInPage("http://localhost:8080/react/callback");
    assertThat(elsewhere.statusCode()).isEqualTo(400);
  }

  @Test
  void answersHealthAndMetricsOnItsManagementPort() throws Exception {
    URI management =
        URI.create("http://" + keycloak.getHost() + ":" + keycloak.getMappedPort(9000));

    assertThat(get(management.resolve("/health/ready")).statusCode()).isEqualTo(200);
    HttpResponse<String> metrics = get(management.resolve("/metrics"));
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body()).contains("jvm_memory_used_bytes");
  }

  private static URI baseUrl() {
    return URI.create(keycloak.getAuthServerUrl().replaceAll("/$", ""));
  }

  /** The web apps' sign-in page, as their client asks for it with this redirect address. */
  private static HttpResponse<String> signInPage(String redirectUri) throws Exception {
    return get(
        baseUrl()
            .resolve(
                "/realms/airtix/protocol/openid-connect/auth?client_id=airtix-web"
                    + "&response_type=code&scope=openid&redirect_uri="
                    + URLEncoder.encode(redirectUri, StandardCharsets.UTF_8)
                    // the web apps' client insists on PKCE; the challenge of RFC 7636's example
                    + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
                    + "&code_challenge_method=S256"));
  }

  private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String claimsOf(String jwt) {
    return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
  }

  private static DockerImageName image(String property) {
    String name = System.getProperty(property);
    if (name == null || name.isBlank()) {
      throw new IllegalStateException(property + " is not set: run with -Pimages");
    }
    return DockerImageName.parse(name);
  }
}
