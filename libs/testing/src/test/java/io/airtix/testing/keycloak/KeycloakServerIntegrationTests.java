package io.airtix.testing.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.airtix.keycloakclient.LoginFailedException;
import io.airtix.keycloakclient.Tokens;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.stream.StreamSupport;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.representations.idm.ClientScopeRepresentation;
import org.keycloak.representations.idm.MemberRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;

@ExtendWith(KeycloakExtension.class)
class KeycloakServerIntegrationTests {

  private final KeycloakServer keycloak;
  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  KeycloakServerIntegrationTests(KeycloakServer keycloak) {
    this.keycloak = keycloak;
  }

  @Test
  void importsTheRealmWithItsSecuritySettings() {
    RealmRepresentation realm = keycloak.airtixRealm().resource().toRepresentation();

    assertThat(realm.isOrganizationsEnabled()).isTrue();
    assertThat(realm.isRegistrationAllowed()).isTrue();
    assertThat(realm.isVerifyEmail()).isTrue();
    assertThat(realm.isResetPasswordAllowed()).isTrue();
    assertThat(realm.isLoginWithEmailAllowed()).isTrue();
    assertThat(realm.isDuplicateEmailsAllowed()).isFalse();
    assertThat(realm.isBruteForceProtected()).isTrue();
    assertThat(realm.isPermanentLockout()).isFalse();
    assertThat(realm.getFailureFactor()).isEqualTo(5);
    assertThat(realm.getAccessTokenLifespan()).isEqualTo(300);
    assertThat(realm.getRevokeRefreshToken()).isTrue();
    assertThat(realm.getRefreshTokenMaxReuse()).isZero();
    assertThat(realm.getPasswordPolicy()).contains("length(12)", "notUsername", "notEmail");
    assertThat(List.of(realm.getLoginTheme(), realm.getAccountTheme(), realm.getEmailTheme()))
        .containsOnly("airtix");
  }

  @Test
  void keepsKeycloaksBuiltInClientScopes() {
    List<String> scopes =
        keycloak.airtixRealm().resource().clientScopes().findAll().stream()
            .map(ClientScopeRepresentation::getName)
            .toList();

    assertThat(scopes)
        .contains("basic", "profile", "email", "roles", "web-origins", "acr", "organization");
  }

  @Test
  void issuesCustomersAnAccessTokenThatHonoursTheTokenContract() {
    TestUser customer = keycloak.createUser(TestUsers.customer());

    JsonNode claims = KeycloakServer.claims(keycloak.login(customer).accessToken());

    assertThat(claims.path("iss").asText())
        .isEqualTo(keycloak.issuer())
        .isEqualTo("http://localhost:" + keycloak.baseUrl().getPort() + "/realms/airtix");
    assertThat(texts(claims.path("aud")))
        .contains("tickets", "orders", "expiration", "payments", "tenants");
    assertThat(claims.path("sub").asText()).isEqualTo(customer.id());
    assertThat(claims.path("preferred_username").asText()).isEqualTo(customer.username());
    assertThat(claims.path("email").asText()).isEqualTo(customer.email());
    assertThat(texts(claims.path("realm_access").path("roles")))
        .contains("customer")
        .doesNotContain("platform-admin");
    assertThat(claims.path("sid").asText()).isNotBlank();
    assertThat(claims.path("azp").asText()).isEqualTo("airtix-web");
    assertThat(texts(claims.path("groups"))).isEmpty();
  }

  @Test
  void namesAStaffMembersRoleAndAirlineInTheGroupsClaimOfEveryToken() {
    TestUser agent = keycloak.createUser(TestUsers.member("aerolux", "agent"));

    Tokens tokens = keycloak.login(agent);

    assertThat(texts(KeycloakServer.claims(tokens.accessToken()).path("groups")))
        .containsExactly("/airlines/aerolux/agent");
    assertThat(texts(KeycloakServer.claims(tokens.idToken()).path("groups")))
        .containsExactly("/airlines/aerolux/agent");
  }

  @Test
  void makesStaffMembersOfTheirAirlinesOrganization() {
    TestUser admin = keycloak.createUser(TestUsers.member("skyway", "tenant-admin"));

    OrganizationRepresentation skyway =
        keycloak.airtixRealm().resource().organizations().list(0, 100).stream()
            .filter(organization -> "skyway".equals(organization.getAlias()))
            .findFirst()
            .orElseThrow();
    List<String> members =
        keycloak
            .airtixRealm()
            .resource()
            .organizations()
            .get(skyway.getId())
            .members()
            .getAll()
            .stream()
            .map(MemberRepresentation::getId)
            .toList();

    assertThat(skyway.getDomains()).extracting("name").containsExactly("skyway.airtix.test");
    assertThat(members).contains(admin.id());
  }

  @Test
  void createsAnAirlineOnlyOnce() {
    String first = keycloak.airtixRealm().ensureAirline("lumen", "Lumen Air");
    String second = keycloak.airtixRealm().ensureAirline("lumen", "Lumen Air");

    assertThat(second).isEqualTo(first);
    assertThat(
            keycloak.airtixRealm().resource().getGroupByPath("/airlines/lumen").getSubGroupCount())
        .as("the three role groups and the suspended staff's")
        .isEqualTo(4);
  }

  @Test
  void grantsPlatformAdminsTheirRealmRole() {
    TestUser platformAdmin = keycloak.createUser(TestUsers.platformAdmin());

    JsonNode claims = KeycloakServer.claims(keycloak.login(platformAdmin).accessToken());

    assertThat(texts(claims.path("realm_access").path("roles")))
        .contains("platform-admin", "customer");
  }

  /**
   * An offline token outlives every session and sign-out; nobody holds the right to one by default,
   * though Keycloak puts it into the default roles of every realm it imports (the extension takes
   * it out again).
   */
  @Test
  void grantsNobodyOfflineAccessByDefault() {
    TestUser customer = keycloak.createUser(TestUsers.customer());

    JsonNode claims = KeycloakServer.claims(keycloak.login(customer).accessToken());

    assertThat(texts(claims.path("realm_access").path("roles")))
        .contains("customer")
        .doesNotContain("offline_access");
    assertThat(
            keycloak
                .airtixRealm()
                .resource()
                .users()
                .get(customer.id())
                .roles()
                .realmLevel()
                .listEffective())
        .extracting(RoleRepresentation::getName)
        .doesNotContain("offline_access");
  }

  @Test
  void namesAnotherIssuerWhenReachedThroughAnotherHostName() {
    TestUser customer = keycloak.createUser(TestUsers.customer());

    JsonNode claims = KeycloakServer.claims(keycloak.loginVia("127.0.0.1", customer).accessToken());

    assertThat(claims.path("iss").asText())
        .isEqualTo("http://127.0.0.1:" + keycloak.baseUrl().getPort() + "/realms/airtix")
        .isNotEqualTo(keycloak.issuer());
    assertThat(texts(claims.path("aud"))).contains("tickets");
  }

  @Test
  void handsOutAnExpiredButGenuinelySignedAccessToken() {
    TestUser customer = keycloak.createUser(TestUsers.customer());

    String expired = keycloak.expiredAccessToken(customer);

    JsonNode claims = KeycloakServer.claims(expired);
    JsonNode header = header(expired);
    assertThat(claims.path("exp").asLong()).isLessThan(Instant.now().getEpochSecond());
    assertThat(claims.path("iss").asText()).isEqualTo(keycloak.issuer());
    assertThat(texts(claims.path("aud"))).contains("tickets");
    assertThat(header.path("alg").asText()).isEqualTo("RS256");
    assertThat(header.path("kid").asText()).isNotBlank();
  }

  @Test
  void refusesThePasswordGrantToTheWebClient() throws Exception {
    TestUser customer = keycloak.createUser(TestUsers.customer());

    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(keycloak.issuer() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "grant_type=password&client_id=airtix-web&username="
                            + encoded(customer.username())
                            + "&password="
                            + encoded(customer.password())))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("unauthorized_client");
  }

  @Test
  void refusesTheImplicitFlow() throws Exception {
    URI implicit =
        URI.create(
            keycloak.issuer()
                + "/protocol/openid-connect/auth?client_id=airtix-web&response_type=token"
                + "&scope=openid&nonce=n1&state=s1&redirect_uri="
                + encoded(KeycloakServer.WEB_REDIRECT_URI.toString()));

    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(implicit).GET().build(), HttpResponse.BodyHandlers.ofString());

    String location = response.headers().firstValue("Location").orElse("");
    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(location)
        .startsWith(KeycloakServer.WEB_REDIRECT_URI.toString())
        .contains("error=unauthorized_client")
        .doesNotContain("access_token");
  }

  @Test
  void acceptsEachRefreshTokenOnlyOnce() {
    Tokens tokens = keycloak.login(keycloak.createUser(TestUsers.customer()));

    Tokens refreshed = keycloak.refresh(tokens);

    assertThat(refreshed.accessToken()).isNotBlank();
    assertThat(refreshed.refreshToken()).isNotEqualTo(tokens.refreshToken());
    assertThatThrownBy(() -> keycloak.refresh(tokens))
        .isInstanceOfSatisfying(
            LoginFailedException.class,
            refused -> assertThat(refused.error()).isEqualTo("invalid_grant"));
  }

  @Test
  void reportsAWrongPasswordAsKeycloakShowsIt() {
    TestUser customer = keycloak.createUser(TestUsers.customer());
    TestUser impostor =
        new TestUser(
            customer.id(), customer.username(), customer.email(), "not-the-right-password");

    assertThatThrownBy(() -> keycloak.login(impostor))
        .isInstanceOf(LoginFailedException.class)
        .hasMessageContaining("Invalid username or password");
  }

  @Test
  void issuesServiceClientsTokensThatDoNotNameTheTicketsService() {
    JsonNode claims = KeycloakServer.claims(keycloak.clientCredentialsToken("tenants"));

    assertThat(claims.path("azp").asText()).isEqualTo("tenants");
    assertThat(texts(claims.path("aud"))).doesNotContain("tickets");
  }

  @Test
  void servesTheLoginPageWithTheAirtixTheme() throws Exception {
    URI login =
        URI.create(
            keycloak.issuer()
                + "/protocol/openid-connect/auth?client_id=airtix-web&response_type=code"
                + "&scope=openid&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256"
                + "&redirect_uri="
                + encoded(KeycloakServer.WEB_REDIRECT_URI.toString()));

    HttpResponse<String> page =
        http.send(
            HttpRequest.newBuilder(login).GET().build(), HttpResponse.BodyHandlers.ofString());

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .containsPattern("href=\"/resources/[^/]+/login/airtix/css/airtix\\.css\"")
        .contains("Sign in to Airtix");
    String css =
        page.body()
            .replaceAll("(?s).*href=\"(/resources/[^/]+/login/airtix/css/airtix\\.css)\".*", "$1");
    HttpResponse<String> stylesheet =
        http.send(
            HttpRequest.newBuilder(keycloak.baseUrl().resolve(css)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(stylesheet.statusCode()).isEqualTo(200);
    assertThat(stylesheet.body()).contains("--airtix-blue");
  }

  @Test
  void loadsTheAirtixEventListenerWhichLogsLoginsWithoutPersonalData() throws Exception {
    assertThat(
            keycloak
                .admin()
                .serverInfo()
                .getInfo()
                .getProviders()
                .get("eventsListener")
                .getProviders())
        .containsKey("airtix");
    assertThat(keycloak.airtixRealm().resource().toRepresentation().getEventsListeners())
        .as("the realm file enables the listener")
        .contains("airtix");
    TestUser customer = keycloak.createUser(TestUsers.customer());

    keycloak.login(customer);

    Path log = keycloak.logFile();
    Awaitility.await("login event in " + log)
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(Files.readAllLines(log))
                    .anySatisfy(
                        line ->
                            assertThat(line)
                                .contains("kind=user", "type=LOGIN ", "user=" + customer.id())));
    assertThat(Files.readString(log)).doesNotContain(customer.email());
  }

  private static JsonNode header(String jwt) {
    try {
      return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[0]));
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static List<String> texts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }

  private static String encoded(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
