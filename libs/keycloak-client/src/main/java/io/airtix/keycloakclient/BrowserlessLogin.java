package io.airtix.keycloakclient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Logs a person in the way a browser does, without a browser: the authorization-code flow with PKCE
 * (S256) through Keycloak's own login form. Tests and demo data get tokens exactly like the web
 * apps get them, so the realm's real settings (flows, policies, mappers, brute-force protection)
 * are exercised, not bypassed by a password grant.
 */
public final class BrowserlessLogin {

  /**
   * Enough for a login form that first asks the user name and then the password, a second factor
   * (the "Unable to scan?" page and the enrolment form, or the code prompt), plus a hop or two.
   */
  private static final int MAX_PAGES = 10;

  /**
   * The name the enrolled authenticator gets in the person's account ("Device name" on the
   * enrolment page).
   */
  private static final String AUTHENTICATOR_NAME = "Authenticator app";

  private BrowserlessLogin() {}

  /**
   * Logs {@code username} in to {@code clientId} and returns the tokens the code was exchanged for.
   * For people whom Keycloak asks for a second factor, see {@link #login(URI, String, String, URI,
   * String, String, AuthenticatorApp)}.
   *
   * @param keycloakBaseUrl Keycloak's root, e.g. {@code http://localhost:8180}; its host decides
   *     the tokens' issuer
   * @param redirectUri one of the client's valid redirect URIs; it is never called, only read back
   *     from the redirect
   * @throws LoginFailedException when Keycloak shows an error (wrong password, locked account,
   *     disabled client…), asks for a required action or a second factor, or refuses the code
   *     exchange
   */
  public static Tokens login(
      URI keycloakBaseUrl,
      String realm,
      String clientId,
      URI redirectUri,
      String username,
      String password) {
    return login(keycloakBaseUrl, realm, clientId, redirectUri, username, password, null);
  }

  /**
   * Logs {@code username} in like {@link #login(URI, String, String, URI, String, String)},
   * answering Keycloak's one-time-code prompt with the person's authenticator app, and setting the
   * app up when Keycloak makes the person enrol one (a tenant admin's first sign-in): the app then
   * keeps the key for the next login.
   *
   * @param app the person's authenticator app; {@code null} for a person without one
   */
  public static Tokens login(
      URI keycloakBaseUrl,
      String realm,
      String clientId,
      URI redirectUri,
      String username,
      String password,
      AuthenticatorApp app) {
    HttpClient browser = browser();
    Pkce pkce = Pkce.generate();
    String state = Pkce.randomUrlSafe(16);
    Map<String, String> query = new LinkedHashMap<>();
    query.put("client_id", clientId);
    query.put("redirect_uri", redirectUri.toString());
    query.put("response_type", "code");
    query.put("scope", "openid");
    query.put("state", state);
    query.put("nonce", Pkce.randomUrlSafe(16));
    query.put("code_challenge", pkce.challenge());
    query.put("code_challenge_method", "S256");
    URI authorization =
        URI.create(
            TokenEndpoint.endpoint(keycloakBaseUrl, realm, "auth")
                + "?"
                + FormEncoding.encode(query));

    HttpResponse<String> response =
        TokenEndpoint.send(browser, HttpRequest.newBuilder(authorization).GET());
    boolean codeSent = false;
    for (int page = 0; page < MAX_PAGES; page++) {
      Optional<URI> location =
          response.headers().firstValue("Location").map(response.uri()::resolve);
      if (location.isPresent() && isRedirectTo(location.get(), redirectUri)) {
        String code = codeFrom(location.get(), state);
        return TokenEndpoint.authorizationCode(
            browser, keycloakBaseUrl, realm, clientId, redirectUri, code, pkce.verifier());
      }
      if (location.isPresent() && response.statusCode() / 100 == 3) {
        response = TokenEndpoint.send(browser, HttpRequest.newBuilder(location.get()).GET());
        continue;
      }
      LoginPage loginPage = new LoginPage(response.uri(), response.body());
      if (response.statusCode() != 200) {
        throw new LoginFailedException(
            "login_page",
            "Keycloak answered "
                + response.statusCode()
                + " during login: "
                + loginPage.describe());
      }
      Optional<LoginPage.Form> otpPrompt = loginPage.form("kc-otp-login-form");
      Optional<LoginPage.Form> enrolment = loginPage.form("kc-totp-settings-form");
      if (codeSent
          && (otpPrompt.isPresent() || enrolment.isPresent())
          && loginPage.errorMessage().isPresent()) {
        throw new LoginFailedException(
            "login_page",
            "Keycloak refused the one-time code of "
                + username
                + ": "
                + loginPage.errorMessage().get());
      }
      Map<String, String> fields;
      LoginPage.Form form;
      if (otpPrompt.isPresent()) {
        form = otpPrompt.get();
        fields = new LinkedHashMap<>(form.hiddenFields());
        fields.put("otp", enrolledApp(app, username).nextCode());
        codeSent = true;
      } else if (enrolment.isPresent()) {
        Optional<String> key = loginPage.textOf("kc-totp-secret-key");
        if (key.isEmpty()) {
          // the page shows a QR code; "Unable to scan?" shows the key as text
          URI manual =
              loginPage
                  .link("mode-manual")
                  .orElseThrow(
                      () ->
                          new LoginFailedException(
                              "login_page",
                              "Keycloak's authenticator set-up page shows neither the key nor a link to it"));
          response = TokenEndpoint.send(browser, HttpRequest.newBuilder(manual).GET());
          continue;
        }
        if (app == null) {
          throw new LoginFailedException(
              "login_page",
              "Keycloak makes "
                  + username
                  + " set up an authenticator app"
                  + " before signing in: log in with the person's AuthenticatorApp");
        }
        app.enrol(key.get());
        form = enrolment.get();
        fields = new LinkedHashMap<>(form.hiddenFields());
        fields.put("totp", app.nextCode());
        fields.put("userLabel", AUTHENTICATOR_NAME);
        codeSent = true;
      } else {
        form =
            loginPage
                .loginForm()
                .orElseThrow(
                    () ->
                        new LoginFailedException(
                            "login_page",
                            "Keycloak did not issue a code for "
                                + username
                                + " but showed "
                                + loginPage.describe()));
        if (page > 0 && form.asks("password") && loginPage.errorMessage().isPresent()) {
          throw new LoginFailedException(
              "login_page",
              "Keycloak refused the login of " + username + ": " + loginPage.errorMessage().get());
        }
        fields = new LinkedHashMap<>(form.hiddenFields());
        if (form.asks("username")) {
          fields.put("username", username);
        }
        if (form.asks("password")) {
          fields.put("password", password);
        }
      }
      response =
          TokenEndpoint.send(
              browser,
              HttpRequest.newBuilder(form.action())
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(FormEncoding.encode(fields))));
    }
    throw new LoginFailedException(
        "login_page",
        "Keycloak did not issue a code for " + username + " after " + MAX_PAGES + " pages");
  }

  private static AuthenticatorApp enrolledApp(AuthenticatorApp app, String username) {
    if (app == null || app.key().isEmpty()) {
      throw new LoginFailedException(
          "login_page",
          "Keycloak asks "
              + username
              + " for a code from their"
              + " authenticator app, and none is known: log in with the person's AuthenticatorApp");
    }
    return app;
  }

  static boolean isRedirectTo(URI location, URI redirectUri) {
    return location.getScheme().equalsIgnoreCase(redirectUri.getScheme())
        && location.getHost().equalsIgnoreCase(redirectUri.getHost())
        && location.getPort() == redirectUri.getPort()
        && location.getPath().equals(redirectUri.getPath());
  }

  static String codeFrom(URI redirect, String expectedState) {
    Map<String, String> parameters = FormEncoding.parameters(redirect);
    if (parameters.containsKey("error")) {
      throw new LoginFailedException(
          parameters.get("error"),
          "Keycloak redirected with error "
              + parameters.get("error")
              + ": "
              + parameters.getOrDefault("error_description", "(no description)"));
    }
    if (!expectedState.equals(parameters.get("state"))) {
      throw new LoginFailedException(
          "invalid_state", "Keycloak redirected with another state than was sent");
    }
    String code = parameters.get("code");
    if (code == null || code.isEmpty()) {
      throw new LoginFailedException(
          "invalid_request", "Keycloak redirected without a code: " + redirect);
    }
    return code;
  }

  static HttpClient browser() {
    // one cookie jar per login: Keycloak ties the login form to its session cookies
    return HttpClient.newBuilder()
        .cookieHandler(new LoginCookies())
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(TokenEndpoint.TIMEOUT)
        .build();
  }
}
