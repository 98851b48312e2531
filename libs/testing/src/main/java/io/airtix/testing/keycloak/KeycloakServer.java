package io.airtix.testing.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.airtix.keycloakclient.AirtixRealm;
import io.airtix.keycloakclient.BrowserlessLogin;
import io.airtix.keycloakclient.NewUser;
import io.airtix.keycloakclient.TokenEndpoint;
import io.airtix.keycloakclient.Tokens;
import io.airtix.testing.mail.TestMailServer;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.awaitility.Awaitility;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;

/**
 * A real Keycloak with the {@code airtix} realm for tests: started from the distribution on first
 * use, shared by every test of the JVM, stopped when JUnit finishes (see {@link KeycloakExtension})
 * or at the latest when the JVM exits.
 *
 * <p>The realm comes from {@code keycloak/realm-export.json}, posted through the admin API like an
 * operator would, into an in-memory database: each test run starts from that file and nothing else.
 *
 * <p>No host name is fixed, so the tokens' issuer is the host the request used: {@link #baseUrl()}
 * is on {@code localhost}, hence {@link #issuer()} is {@code
 * http://localhost:<port>/realms/airtix}.
 */
public final class KeycloakServer implements AutoCloseable {

  public static final String REALM = AirtixRealm.NAME;
  public static final String WEB_CLIENT = "airtix-web";
  public static final URI WEB_REDIRECT_URI = URI.create("http://localhost:8080/callback");

  /**
   * Test-only client issuing access tokens that live one second; created through the admin API,
   * never in the realm file.
   */
  static final String SHORT_LIVED_CLIENT = "airtix-test-short-lived";

  private static final String ADMIN_USERNAME = "airtix-test-admin";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static KeycloakServer shared;

  private final RunningKeycloak process;
  private final Path logFile;

  /** How the fixture started this Keycloak, to start it again; null for a standalone Airtix's. */
  private final Launch launch;

  private final URI baseUrl;
  private final Keycloak admin;
  private final AirtixRealm airtixRealm;
  private Duration startup = Duration.ZERO;
  private boolean shortLivedClientCreated;

  /** Where the realm sends its mails: a real SMTP server of this JVM, started with Keycloak. */
  private TestMailServer mailServer;

  private boolean closed;

  private KeycloakServer(RunningKeycloak process, Keycloak admin, Path logFile, Launch launch) {
    this.process = process;
    this.logFile = logFile;
    this.launch = launch;
    this.baseUrl = URI.create("http://localhost:" + process.httpPort());
    this.admin = admin;
    this.airtixRealm = new AirtixRealm(admin);
  }

  /**
   * The Keycloak of this test JVM, started (with the realm imported) by the first caller; or, when
   * the system property {@value StandaloneAirtix#JAR_PROPERTY} names the launcher's jar, the
   * Keycloak of a standalone Airtix started from it, with the launcher's realm import, extension
   * and mail catcher (its mails are read through {@link #mailServer()} all the same).
   */
  public static synchronized KeycloakServer shared() {
    if (shared == null || !shared.process.isAlive()) {
      shared = StandaloneAirtix.configured() ? ofStandaloneAirtix() : start();
      KeycloakServer started = shared;
      Runtime.getRuntime().addShutdownHook(new Thread(started::close, "keycloak-test-shutdown"));
    }
    return shared;
  }

  /**
   * Whether {@link #shared()} is, or will be, the Keycloak of a standalone Airtix started from the
   * launcher's jar.
   */
  public static boolean sharedIsStandaloneAirtix() {
    return StandaloneAirtix.configured();
  }

  /**
   * A Keycloak of its own, beside the shared one, started with further settings (e.g. {@code
   * KC_SPI_…} options given its root URL) and the realm imported; the caller closes it.
   *
   * @param name names its log file, {@code keycloak-<pid>-<name>.log}
   */
  public static KeycloakServer startSeparate(
      String name, Function<URI, Map<String, String>> environment) {
    return start(name, environment);
  }

  private static KeycloakServer start() {
    return start(null, keycloak -> Map.of());
  }

  private static KeycloakServer start(String name, Function<URI, Map<String, String>> environment) {
    Instant begin = Instant.now();
    KeycloakDistribution distribution = KeycloakDistribution.fromSystemProperties();
    String adminPassword = TestUsers.randomPassword();
    KeycloakProcess process;
    Path log;
    try (FileChannel lock = distribution.lock()) {
      log = distribution.logFileOfThisJvm(name);
      distribution.unpackOnce();
      distribution.installExtension();
      distribution.installPasswordBlacklists();
      process =
          KeycloakProcess.start(
              distribution.home(), log, ADMIN_USERNAME, adminPassword, environment);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "could not prepare Keycloak under " + distribution.workDirectory(), e);
    }
    KeycloakServer server =
        started(process, new Launch(distribution.home(), log, adminPassword, environment));
    try {
      server.importRealm(distribution);
      server.sendRealmMailsToTestMailServer();
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
    server.startup = Duration.between(begin, Instant.now());
    System.getLogger(KeycloakServer.class.getName())
        .log(
            System.Logger.Level.INFO,
            "Keycloak ready at {0} in {1} s (log: {2})",
            server.baseUrl,
            server.startup.toSeconds(),
            log);
    return server;
  }

  private static KeycloakServer started(KeycloakProcess process, Launch launch) {
    String url = "http://localhost:" + process.httpPort();
    Keycloak admin =
        Keycloak.getInstance(url, "master", ADMIN_USERNAME, launch.adminPassword(), "admin-cli");
    return new KeycloakServer(RunningKeycloak.of(process), admin, launch.log(), launch);
  }

  /**
   * Stops this Keycloak and starts it again with the same settings, on new ports; what it keeps
   * depends on its database (give one that outlives the process, e.g. {@code KC_DB_URL} of an H2
   * file, to {@link #startSeparate}). The realm is not imported again.
   */
  public KeycloakServer restart() {
    if (launch == null) {
      throw new IllegalStateException("only a Keycloak the fixture started can be restarted");
    }
    close();
    return started(
        KeycloakProcess.start(
            launch.home(),
            launch.log(),
            ADMIN_USERNAME,
            launch.adminPassword(),
            launch.environment()),
        launch);
  }

  private record Launch(
      Path home, Path log, String adminPassword, Function<URI, Map<String, String>> environment) {}

  private static KeycloakServer ofStandaloneAirtix() {
    Instant begin = Instant.now();
    StandaloneAirtix airtix = StandaloneAirtix.start();
    Keycloak admin =
        Keycloak.getInstance(
            "http://localhost:" + StandaloneAirtix.KEYCLOAK_PORT,
            "master",
            StandaloneAirtix.ADMIN_USERNAME,
            airtix.adminPassword(),
            "admin-cli");
    KeycloakServer server =
        new KeycloakServer(RunningKeycloak.of(airtix), admin, airtix.keycloakLog(), null);
    server.mailServer =
        TestMailServer.ofMailCatcher(StandaloneAirtix.MAIL_PAGE, StandaloneAirtix.SMTP_PORT);
    server.startup = Duration.between(begin, Instant.now());
    System.getLogger(KeycloakServer.class.getName())
        .log(
            System.Logger.Level.INFO,
            "Standalone Airtix ready, its Keycloak at {0} in {1} s (log: {2})",
            server.baseUrl,
            server.startup.toSeconds(),
            server.logFile);
    return server;
  }

  /** Keycloak's root, e.g. {@code http://localhost:41234}. */
  public URI baseUrl() {
    return baseUrl;
  }

  /**
   * The same Keycloak reached through another host name, e.g. {@code 127.0.0.1}: its tokens name
   * another issuer.
   */
  public URI baseUrlVia(String host) {
    return URI.create("http://" + host + ":" + process.httpPort());
  }

  /** What services configure as issuer: {@code http://localhost:<port>/realms/airtix}. */
  public String issuer() {
    return baseUrl + "/realms/" + REALM;
  }

  /** The realm's JSON Web Key Set, for services that verify signatures. */
  public URI jwkSetUri() {
    return URI.create(issuer() + "/protocol/openid-connect/certs");
  }

  /** Admin client logged in to the master realm; may do anything. */
  public Keycloak admin() {
    return admin;
  }

  public AirtixRealm airtixRealm() {
    return airtixRealm;
  }

  /**
   * How long the first {@link #shared()} call took: unpacking, Keycloak's start and the realm
   * import.
   */
  public synchronized Duration startupTime() {
    return startup;
  }

  /** Creates the person, and first the airlines they work for if those do not exist yet. */
  public TestUser createUser(NewUser user) {
    user.airlineRoles()
        .keySet()
        .forEach(airline -> airtixRealm.ensureAirline(airline, displayName(airline)));
    String id = airtixRealm.createUser(user);
    return new TestUser(id, user.username(), user.email(), user.password());
  }

  /**
   * Logs the user in to the web client through Keycloak's login form, as a browser would, answering
   * any second-factor prompt with the user's {@linkplain TestUser#authenticator() authenticator
   * app} (set up on the way when Keycloak makes a tenant or platform admin enrol one).
   */
  public Tokens login(TestUser user) {
    return loginVia(baseUrl, WEB_CLIENT, user);
  }

  /**
   * Logs the user in through another host name of this Keycloak: a genuinely signed token whose
   * {@code iss} is {@code http://<host>:<port>/realms/airtix}, which services must reject.
   */
  public Tokens loginVia(String host, TestUser user) {
    return loginVia(baseUrlVia(host), WEB_CLIENT, user);
  }

  /**
   * Trades the refresh token for new tokens; works once per refresh token (the realm rotates them).
   */
  public Tokens refresh(Tokens tokens) {
    return TokenEndpoint.refresh(baseUrl, REALM, WEB_CLIENT, tokens.refreshToken());
  }

  /** Signs the tokens' session out, as the web apps' "sign out" does. */
  public void logOut(Tokens tokens) {
    TokenEndpoint.logout(baseUrl, REALM, WEB_CLIENT, tokens.refreshToken());
  }

  /**
   * A genuinely signed access token of the user, with the web client's claims, that has already
   * expired.
   *
   * <p>Resource servers usually tolerate some clock skew (Spring Security: 60 seconds by default):
   * use {@link #expiredAccessToken(TestUser, Duration)} or lower the skew in the service under
   * test.
   */
  public String expiredAccessToken(TestUser user) {
    return expiredAccessToken(user, Duration.ZERO);
  }

  /** An access token of the user whose {@code exp} lies at least {@code expiredFor} in the past. */
  public String expiredAccessToken(TestUser user, Duration expiredFor) {
    ensureShortLivedClient();
    String accessToken = loginVia(baseUrl, SHORT_LIVED_CLIENT, user).accessToken();
    long expiry = claims(accessToken).path("exp").asLong();
    Awaitility.await("access token expired for " + expiredFor)
        .atMost(expiredFor.plusSeconds(10))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> Instant.now().getEpochSecond() > expiry + expiredFor.toSeconds());
    return accessToken;
  }

  /** An access token of a confidential client's service account, e.g. {@code tenants}. */
  public String clientCredentialsToken(String clientId) {
    return TokenEndpoint.clientCredentials(
            baseUrl, REALM, clientId, airtixRealm.clientSecret(clientId))
        .accessToken();
  }

  /** The payload of a JWT as JSON, without checking its signature: for assertions on claims. */
  public static JsonNode claims(String jwt) {
    String[] parts = jwt.split("\\.");
    if (parts.length != 3) {
      throw new IllegalArgumentException("not a signed JWT: " + parts.length + " parts");
    }
    try {
      return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
    } catch (IOException e) {
      throw new IllegalArgumentException("JWT payload is not JSON", e);
    }
  }

  /**
   * The SMTP server the realm's mails go to (verification, password reset, login links…), to wait
   * for a person's mails and follow their links.
   */
  public synchronized TestMailServer mailServer() {
    return mailServer;
  }

  /**
   * Keycloak's output, one file per test JVM (several modules may test at once against their own
   * servers).
   */
  public Path logFile() {
    return logFile;
  }

  /** The end of Keycloak's log, for failure messages. */
  public String logTail() {
    return process.logTail();
  }

  /** Stops Keycloak; the next {@link #shared()} starts a new one. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      admin.close();
    } finally {
      process.stop();
      if (mailServer != null) {
        mailServer.close();
      }
    }
  }

  private Tokens loginVia(URI keycloak, String clientId, TestUser user) {
    return BrowserlessLogin.login(
        keycloak,
        REALM,
        clientId,
        WEB_REDIRECT_URI,
        user.username(),
        user.password(),
        user.authenticator());
  }

  private void importRealm(KeycloakDistribution distribution) {
    HttpRequest request;
    try {
      request =
          HttpRequest.newBuilder(URI.create(baseUrl + "/admin/realms"))
              .header("Authorization", "Bearer " + admin.tokenManager().getAccessTokenString())
              .header("Content-Type", "application/json")
              .timeout(Duration.ofMinutes(1))
              .POST(
                  HttpRequest.BodyPublishers.ofString(
                      RealmPlaceholders.resolve(
                          Files.readString(distribution.realmFile()),
                          // the tests read the secret back through the admin API when they need it
                          Map.of(
                              "AIRTIX_TENANTS_KEYCLOAK_CLIENT_SECRET",
                              TestUsers.randomPassword()))))
              .build();
      HttpResponse<String> response =
          HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 201) {
        throw new IllegalStateException(
            "Keycloak refused "
                + distribution.realmFile()
                + ": "
                + response.statusCode()
                + " "
                + response.body()
                + System.lineSeparator()
                + logTail());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not import " + distribution.realmFile(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while importing the realm", e);
    }
  }

  /**
   * Starts the SMTP server and points the realm's mail settings (the realm file names the
   * launcher's mail catcher on port 3025) at it; sender and everything else stay as the realm file
   * says.
   */
  private synchronized void sendRealmMailsToTestMailServer() {
    mailServer = TestMailServer.start();
    RealmRepresentation realm = airtixRealm.resource().toRepresentation();
    Map<String, String> smtp =
        new HashMap<>(realm.getSmtpServer() == null ? Map.of() : realm.getSmtpServer());
    smtp.put("host", mailServer.host());
    smtp.put("port", Integer.toString(mailServer.port()));
    smtp.putIfAbsent("from", "no-reply@airtix.test");
    RealmRepresentation update = new RealmRepresentation();
    update.setSmtpServer(smtp);
    airtixRealm.resource().update(update);
  }

  private synchronized void ensureShortLivedClient() {
    if (shortLivedClientCreated) {
      return;
    }
    ClientRepresentation web =
        airtixRealm.resource().clients().get(airtixRealm.clientUuid(WEB_CLIENT)).toRepresentation();
    ClientRepresentation shortLived = new ClientRepresentation();
    shortLived.setClientId(SHORT_LIVED_CLIENT);
    shortLived.setName("Test only: access tokens live one second");
    shortLived.setPublicClient(true);
    shortLived.setStandardFlowEnabled(true);
    shortLived.setImplicitFlowEnabled(false);
    shortLived.setDirectAccessGrantsEnabled(false);
    shortLived.setRedirectUris(web.getRedirectUris());
    shortLived.setAttributes(
        Map.of("pkce.code.challenge.method", "S256", "access.token.lifespan", "1"));
    List<ProtocolMapperRepresentation> mappers =
        web.getProtocolMappers() == null ? List.of() : web.getProtocolMappers();
    mappers.forEach(mapper -> mapper.setId(null));
    shortLived.setProtocolMappers(mappers);
    try (Response response = airtixRealm.resource().clients().create(shortLived)) {
      if (!Set.of(201, 409).contains(response.getStatus())) {
        throw new IllegalStateException(
            "could not create client "
                + SHORT_LIVED_CLIENT
                + ": "
                + response.getStatus()
                + " "
                + response.readEntity(String.class));
      }
    }
    shortLivedClientCreated = true;
  }

  private static String displayName(String alias) {
    return Character.toUpperCase(alias.charAt(0)) + alias.substring(1);
  }
}
