package io.airtix.identity.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import io.airtix.keycloakclient.Pkce;
import io.airtix.keycloakclient.TokenEndpoint;
import io.airtix.keycloakclient.Tokens;
import io.airtix.testing.browser.Chromium;
import io.airtix.testing.keycloak.KeycloakServer;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One person's browser: a fresh Chromium context (own cookies) with one tab, acting for the Airtix
 * web app. The web app's origin ({@code http://localhost:8080}) is answered inside the browser by a
 * stub page, so the tests never depend on what listens on that port; the callback's code is
 * exchanged for tokens as the public web client does (authorization code + PKCE S256).
 */
public final class WebBrowser implements AutoCloseable {

  public static final String APP = "http://localhost:8080";
  private static final Path SCREENSHOTS =
      Path.of(System.getProperty("airtix.screenshots", "target/screenshots"));

  private final KeycloakServer keycloak;
  private final BrowserContext context;
  private final Page page;
  private Pkce pkce;
  private String state;

  WebBrowser(Chromium chromium, KeycloakServer keycloak) {
    this.keycloak = keycloak;
    this.context = chromium.browser().newContext();
    // a predicate, not a glob: "http://localhost:8080/**" does not match the bare
    // "http://localhost:8080/"
    context.route(WebBrowser::isTheWebApp, WebBrowser::answerAsTheWebApp);
    this.page = context.newPage();
  }

  public Page page() {
    return page;
  }

  /** Opens Keycloak's sign-in page as the web app sends a person there. */
  public WebBrowser startSignIn() {
    return startSignIn(Map.of());
  }

  /**
   * Opens the authorization endpoint with extra parameters, e.g. {@code kc_action=delete_account}
   * for an action the person starts from the app, or {@code prompt=login}.
   */
  public WebBrowser startSignIn(Map<String, String> extraParameters) {
    pkce = Pkce.generate();
    state = Pkce.randomUrlSafe(16);
    Map<String, String> query = new LinkedHashMap<>();
    query.put("client_id", KeycloakServer.WEB_CLIENT);
    query.put("redirect_uri", KeycloakServer.WEB_REDIRECT_URI.toString());
    query.put("response_type", "code");
    query.put("scope", "openid");
    query.put("state", state);
    query.put("nonce", Pkce.randomUrlSafe(16));
    query.put("code_challenge", pkce.challenge());
    query.put("code_challenge_method", "S256");
    query.putAll(extraParameters);
    page.navigate(
        TokenEndpoint.endpoint(keycloak.baseUrl(), KeycloakServer.REALM, "auth")
            + "?"
            + encode(query));
    return this;
  }

  /** Signs in through the login form and returns the tokens the web app gets. */
  public Tokens signIn(String username, String password) {
    startSignIn();
    submitCredentials(username, password);
    return awaitTokens();
  }

  /**
   * Fills and submits the sign-in form, or the re-authentication form that asks the password only.
   */
  public void submitCredentials(String username, String password) {
    page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).waitFor();
    // when Keycloak asks to re-authenticate (prompt=login) it shows the username as text and asks
    // the password only
    Locator usernameField = page.locator("input#username");
    if (usernameField.count() > 0) {
      page.getByLabel("Username or email").fill(username);
    }
    page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(password);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign In")).click();
  }

  /**
   * Clicks a control whose handler a script of the page attaches (Keycloak's passkey buttons): such
   * a click before the page's load event does nothing.
   */
  public void clickScripted(Locator control) {
    control.waitFor();
    page.waitForLoadState(LoadState.LOAD);
    control.click();
  }

  /**
   * From now on, pages learn that this browser cannot suggest passkeys in form fields (no
   * conditional mediation), as in browsers without passkey autofill: Keycloak's sign-in page then
   * offers its "Sign in with Passkey" button only.
   */
  public WebBrowser withoutPasskeyAutofill() {
    context.addInitScript(
        "if (window.PublicKeyCredential) {"
            + " PublicKeyCredential.isConditionalMediationAvailable = () => Promise.resolve(false); }");
    return this;
  }

  /**
   * Waits until Keycloak sends the browser back to the web app, then exchanges the code as the web
   * app does.
   */
  public Tokens awaitTokens() {
    page.waitForURL(WebBrowser::isTheWebApp);
    Map<String, String> callback = parameters(URI.create(page.url()));
    if (callback.containsKey("error")) {
      throw new AssertionError("Keycloak sent the browser back with " + callback);
    }
    if (!state.equals(callback.get("state"))) {
      throw new AssertionError("the callback's state is not the one sent: " + page.url());
    }
    return TokenEndpoint.authorizationCode(
        keycloak.baseUrl(),
        KeycloakServer.REALM,
        KeycloakServer.WEB_CLIENT,
        KeycloakServer.WEB_REDIRECT_URI,
        callback.get("code"),
        pkce.verifier());
  }

  /** Whether the browser is at the web app (Keycloak let it go), not on one of Keycloak's pages. */
  public boolean isAtTheWebApp() {
    return isTheWebApp(page.url());
  }

  /** Follows a link, e.g. from a mail. */
  public void open(URI link) {
    page.navigate(link.toString());
  }

  /** The visible text of the page's main region: what a person reads. */
  public String text() {
    return page.locator("main").first().innerText();
  }

  /**
   * The message Keycloak shows about the last submission (an error under a field or an alert),
   * trimmed.
   */
  public String feedback() {
    return page.locator(".kc-feedback-text").first().innerText().trim();
  }

  /**
   * RP-initiated logout (OpenID Connect) as the web app's sign-out button does it: from the app's
   * page to Keycloak's end-session endpoint and back to {@code /signed-out}. Chromium does not hand
   * that last redirect to Playwright's routing, so the app's page may be an error page: what counts
   * is that Keycloak sent the browser back.
   */
  public void signOut(Tokens tokens) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("client_id", KeycloakServer.WEB_CLIENT);
    query.put("id_token_hint", tokens.idToken());
    query.put("post_logout_redirect_uri", APP + "/signed-out");
    String logout =
        TokenEndpoint.endpoint(keycloak.baseUrl(), KeycloakServer.REALM, "logout")
            + "?"
            + encode(query);
    page.evaluate("url => window.location.assign(url)", logout);
    page.waitForURL(url -> url.startsWith(APP + "/signed-out"));
  }

  /** Saves the page as {@code target/screenshots/<name>.png}, a build artefact. */
  public void screenshot(String name) {
    page.screenshot(
        new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
  }

  @Override
  public void close() {
    context.close();
  }

  private static boolean isTheWebApp(String url) {
    return url.startsWith(APP + "/");
  }

  private static void answerAsTheWebApp(Route route) {
    route.fulfill(
        new Route.FulfillOptions()
            .setStatus(200)
            .setContentType("text/html; charset=utf-8")
            .setBody(
                "<!DOCTYPE html><html lang=\"en\"><head><title>Airtix</title></head>"
                    + "<body><main><h1>Airtix web app</h1></main></body></html>"));
  }

  private static String encode(Map<String, String> parameters) {
    return parameters.entrySet().stream()
        .map(
            entry ->
                URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private static Map<String, String> parameters(URI uri) {
    Map<String, String> parameters = new LinkedHashMap<>();
    if (uri.getRawQuery() != null) {
      Arrays.stream(uri.getRawQuery().split("&"))
          .map(pair -> pair.split("=", 2))
          .forEach(
              pair ->
                  parameters.put(
                      URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                      pair.length > 1 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : ""));
    }
    return parameters;
  }
}
