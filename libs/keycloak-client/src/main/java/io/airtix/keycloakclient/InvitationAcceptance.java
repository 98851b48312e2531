package io.airtix.keycloakclient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Accepts an organization invitation the way a person does in a browser, without one. Someone
 * without an account follows the mailed link to Keycloak's registration form, fills it in, submits
 * it, follows the link of the address verification that Keycloak mails next, and chooses a password
 * when Keycloak asks for one; Keycloak then creates the account and makes it a member of the
 * inviting organization. Someone with an account follows the link and confirms on the page it
 * shows.
 */
public final class InvitationAcceptance {

  /**
   * The link, a redirect or two, the registration form, a password form, and the pages after them.
   */
  private static final int MAX_PAGES = 10;

  private InvitationAcceptance() {}

  /**
   * Accepts an invitation sent to an existing account: follows the link, then the page's "proceed"
   * link, which makes the account a member of the organization.
   *
   * @throws LoginFailedException when Keycloak shows no confirmation (an expired or withdrawn
   *     invitation, one accepted already)
   */
  public static void accept(URI invitationLink) {
    HttpClient browser = BrowserlessLogin.browser();
    HttpResponse<String> response =
        TokenEndpoint.send(browser, HttpRequest.newBuilder(invitationLink).GET());
    for (int page = 0; page < MAX_PAGES && response.statusCode() / 100 == 3; page++) {
      URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
      response = TokenEndpoint.send(browser, HttpRequest.newBuilder(next).GET());
    }
    LoginPage shown = new LoginPage(response.uri(), response.body());
    URI confirmation =
        shown
            .linkTo("/login-actions/action-token")
            .orElseThrow(
                () ->
                    new LoginFailedException(
                        "invitation",
                        "Keycloak asked for no confirmation of the invitation: "
                            + shown.describe()));
    response = TokenEndpoint.send(browser, HttpRequest.newBuilder(confirmation).GET());
    if (response.statusCode() / 100 != 3 && response.statusCode() != 200) {
      throw new LoginFailedException(
          "invitation",
          "Keycloak refused the confirmation: "
              + new LoginPage(response.uri(), response.body()).describe());
    }
  }

  /**
   * Registers through the invitation link.
   *
   * @param email the invited address, which Keycloak shows filled in
   * @param verificationLink the link of the verification mail Keycloak sends to {@code email} after
   *     the registration, asked for only when Keycloak waits for it
   * @throws LoginFailedException when Keycloak shows no registration form or refuses the
   *     registration (an expired or withdrawn invitation, a password the policy refuses…)
   */
  public static void register(
      URI invitationLink,
      String email,
      String username,
      String firstName,
      String lastName,
      String password,
      Supplier<URI> verificationLink) {
    HttpClient browser = BrowserlessLogin.browser();
    HttpResponse<String> response =
        TokenEndpoint.send(browser, HttpRequest.newBuilder(invitationLink).GET());
    boolean registered = false;
    boolean verified = false;
    for (int page = 0; page < MAX_PAGES; page++) {
      Optional<URI> location =
          response.headers().firstValue("Location").map(response.uri()::resolve);
      if (location.isPresent() && response.statusCode() / 100 == 3) {
        if (registered && !location.get().getPath().contains("/login-actions/")) {
          // done: Keycloak sends the new member on to the application
          return;
        }
        response = TokenEndpoint.send(browser, HttpRequest.newBuilder(location.get()).GET());
        continue;
      }
      LoginPage shown = new LoginPage(response.uri(), response.body());
      Optional<LoginPage.Form> registration = shown.form("kc-register-form");
      Optional<LoginPage.Form> passwordUpdate = shown.form("kc-passwd-update-form");
      Map<String, String> fields;
      LoginPage.Form form;
      if (registration.isPresent() && !registered) {
        form = registration.get();
        fields = new LinkedHashMap<>(form.hiddenFields());
        fields.put("email", email);
        fields.put("username", username);
        fields.put("firstName", firstName);
        fields.put("lastName", lastName);
        if (form.asks("password")) {
          fields.put("password", password);
          fields.put("password-confirm", password);
        }
        registered = true;
      } else if (registered && !verified && passwordUpdate.isEmpty()) {
        // Keycloak waits for the address to be verified: the person opens the second mail
        verified = true;
        response =
            TokenEndpoint.send(browser, HttpRequest.newBuilder(verificationLink.get()).GET());
        continue;
      } else if (passwordUpdate.isPresent() && registered) {
        form = passwordUpdate.get();
        fields = new LinkedHashMap<>(form.hiddenFields());
        fields.put("password-new", password);
        fields.put("password-confirm", password);
      } else if (registered && response.statusCode() == 200 && shown.errorMessage().isEmpty()) {
        return;
      } else {
        throw new LoginFailedException(
            "registration",
            (registered
                    ? "Keycloak refused the registration: "
                    : "Keycloak showed no registration form for the invitation: ")
                + shown.describe());
      }
      response =
          TokenEndpoint.send(
              browser,
              HttpRequest.newBuilder(form.action())
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(FormEncoding.encode(fields))));
    }
    throw new LoginFailedException(
        "registration", "the invitation did not end after " + MAX_PAGES + " pages");
  }
}
