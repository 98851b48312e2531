package io.airtix.keycloak.emaillogin;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.authenticators.util.AuthenticatorUtils;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.validation.Validation;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Signs a person in by proving they read their mail: they give an address, Keycloak mails a link
 * and a code, and either one, used once and in time, finishes this first factor. An address without
 * an account gets the same answer and, where the realm allows registration, an account once the
 * link or code is used. Required actions and the second factor follow as after a password.
 */
final class EmailLoginAuthenticator implements Authenticator {

  static final String ADDRESS_PAGE = "airtix-email-login-address.ftl";
  static final String CODE_PAGE = "airtix-email-login-code.ftl";
  static final String KEY_PARAMETER = "key";

  @Override
  public void authenticate(AuthenticationFlowContext context) {
    EmailChallenge challenge = challenge(context);
    String key = context.getUriInfo().getQueryParameters().getFirst(KEY_PARAMETER);
    if (key != null) {
      checkKey(context, challenge, key);
    } else if (challenge != null) {
      context.challenge(codePage(context, challenge).createForm(CODE_PAGE));
    } else {
      context.challenge(addressPage(context, null).createForm(ADDRESS_PAGE));
    }
  }

  @Override
  public void action(AuthenticationFlowContext context) {
    EmailChallenge challenge = challenge(context);
    if (!HttpMethod.POST.equals(context.getHttpRequest().getHttpMethod())) {
      // the mailed link, opened while this sign-in's page was still current
      authenticate(context);
      return;
    }
    MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
    if (form.containsKey("restart")) {
      forget(context.getAuthenticationSession());
      context.challenge(addressPage(context, null).createForm(ADDRESS_PAGE));
    } else if (form.containsKey("email")) {
      send(context, form.getFirst("email"));
    } else if (form.containsKey("code") && challenge != null) {
      checkCode(context, challenge, form.getFirst("code"));
    } else {
      authenticate(context);
    }
  }

  private void send(AuthenticationFlowContext context, String typed) {
    String address = typed == null ? "" : typed.trim().toLowerCase(Locale.ROOT);
    if (!Validation.isEmailValid(address)) {
      context.challenge(
          addressPage(context, typed)
              .setError("airtixEmailLoginInvalidAddress")
              .createForm(ADDRESS_PAGE));
      return;
    }
    EmailLoginSettings settings = settings(context);
    RealmModel realm = context.getRealm();
    if (!SendLimit.takeSlot(
        context.getSession().singleUseObjects(), realm.getId(), address, settings)) {
      context.getEvent().detail(Details.EMAIL, address).error(Errors.ACCESS_DENIED);
      context.challenge(
          addressPage(context, typed)
              .setError("airtixEmailLoginTooManySends")
              .createForm(ADDRESS_PAGE));
      return;
    }
    forget(context.getAuthenticationSession());
    EmailChallenge.Issued issued =
        EmailChallenge.issue(address, Instant.now(), settings.lifetime());
    issued.challenge().notes().forEach(context.getAuthenticationSession()::setAuthNote);
    URI link =
        UriBuilder.fromUri(context.getActionUrl(context.generateAccessCode()))
            .queryParam(KEY_PARAMETER, issued.key())
            .build();
    // the same lookup and the same mail work whether or not the address has an account
    UserModel user = context.getSession().users().getUserByEmail(realm, address);
    EmailLoginMail.send(
        context.getSession(),
        realm,
        context.getAuthenticationSession(),
        user,
        address,
        link,
        issued.code(),
        settings.lifetime());
    context.challenge(codePage(context, issued.challenge()).createForm(CODE_PAGE));
  }

  private void checkCode(AuthenticationFlowContext context, EmailChallenge challenge, String code) {
    int allowed = settings(context).wrongCodesAllowed();
    switch (challenge.checkCode(code, Instant.now(), allowed)) {
      case ACCEPTED -> finish(context, challenge);
      case EXPIRED -> refuse(context, challenge, "airtixEmailLoginExpired", Errors.EXPIRED_CODE);
      case VOID ->
          refuse(context, challenge, "airtixEmailLoginTooManyWrongCodes", Errors.INVALID_CODE);
      case WRONG -> {
        EmailChallenge counted = challenge.afterWrongCode();
        counted.notes().forEach(context.getAuthenticationSession()::setAuthNote);
        context.getEvent().detail(Details.EMAIL, challenge.address()).error(Errors.INVALID_CODE);
        String message =
            counted.isVoid(allowed)
                ? "airtixEmailLoginTooManyWrongCodes"
                : "airtixEmailLoginWrongCode";
        context.failureChallenge(
            AuthenticationFlowError.INVALID_CREDENTIALS,
            codePage(context, counted).setError(message).createForm(CODE_PAGE));
      }
    }
  }

  private void checkKey(AuthenticationFlowContext context, EmailChallenge challenge, String key) {
    EmailChallenge.Outcome outcome =
        challenge == null ? EmailChallenge.Outcome.WRONG : challenge.checkKey(key, Instant.now());
    switch (outcome) {
      case ACCEPTED -> finish(context, challenge);
      case EXPIRED -> refuse(context, challenge, "airtixEmailLoginExpired", Errors.EXPIRED_CODE);
      default -> {
        context.getEvent().error(Errors.INVALID_CODE);
        LoginFormsProvider page =
            challenge == null ? addressPage(context, null) : codePage(context, challenge);
        context.failureChallenge(
            AuthenticationFlowError.INVALID_CREDENTIALS,
            page.setError("airtixEmailLoginLinkInvalid")
                .createForm(challenge == null ? ADDRESS_PAGE : CODE_PAGE));
      }
    }
  }

  /** An expired or void challenge is dropped: the person starts again with a new mail. */
  private void refuse(
      AuthenticationFlowContext context, EmailChallenge challenge, String message, String error) {
    forget(context.getAuthenticationSession());
    context.getEvent().detail(Details.EMAIL, challenge.address()).error(error);
    context.failureChallenge(
        AuthenticationFlowError.EXPIRED_CODE,
        addressPage(context, challenge.address()).setError(message).createForm(ADDRESS_PAGE));
  }

  private void finish(AuthenticationFlowContext context, EmailChallenge challenge) {
    // single use: whichever of link and code came first, neither works again
    forget(context.getAuthenticationSession());
    KeycloakSession session = context.getSession();
    RealmModel realm = context.getRealm();
    UserModel user = session.users().getUserByEmail(realm, challenge.address());
    if (user == null) {
      if (!realm.isRegistrationAllowed()) {
        context.getEvent().detail(Details.EMAIL, challenge.address()).error(Errors.USER_NOT_FOUND);
        context.failureChallenge(
            AuthenticationFlowError.INVALID_USER,
            addressPage(context, null)
                .setError("airtixEmailLoginCannotSignIn")
                .createForm(ADDRESS_PAGE));
        return;
      }
      user = NewAccounts.register(context, challenge.address());
    }
    if (!user.isEnabled()) {
      context.getEvent().user(user).error(Errors.USER_DISABLED);
      context.failureChallenge(
          AuthenticationFlowError.USER_DISABLED,
          addressPage(context, null)
              .setError("airtixEmailLoginCannotSignIn")
              .createForm(ADDRESS_PAGE));
      return;
    }
    String lockedOut = AuthenticatorUtils.getDisabledByBruteForceEventError(context, user);
    if (lockedOut != null) {
      context.getEvent().user(user).error(lockedOut);
      context.failureChallenge(
          AuthenticationFlowError.USER_TEMPORARILY_DISABLED,
          addressPage(context, null)
              .setError("airtixEmailLoginCannotSignIn")
              .createForm(ADDRESS_PAGE));
      return;
    }
    // reading the mail proves the address, as a verification link would; whatever was set up on
    // the account before that proof may be a stranger's
    if (!user.isEmailVerified()) {
      UnprovenAccounts.claim(context, user);
    }
    context.getEvent().detail(Details.AUTH_METHOD, EmailLoginAuthenticatorFactory.ID);
    context.setUser(user);
    context.success();
  }

  private static LoginFormsProvider addressPage(AuthenticationFlowContext context, String address) {
    return context.form().setAttribute("emailLogin", new EmailLoginBean(address, null));
  }

  private static LoginFormsProvider codePage(
      AuthenticationFlowContext context, EmailChallenge challenge) {
    return context
        .form()
        .setAttribute(
            "emailLogin",
            new EmailLoginBean(
                challenge.address(), EmailLoginMail.lifetimeText(settings(context).lifetime())));
  }

  private static EmailChallenge challenge(AuthenticationFlowContext context) {
    return EmailChallenge.fromNotes(context.getAuthenticationSession()::getAuthNote);
  }

  private static void forget(AuthenticationSessionModel authSession) {
    EmailChallenge.noteNames().forEach(authSession::removeAuthNote);
  }

  private static EmailLoginSettings settings(AuthenticationFlowContext context) {
    return EmailLoginSettings.from(
        context.getAuthenticatorConfig() == null
            ? null
            : context.getAuthenticatorConfig().getConfig());
  }

  @Override
  public boolean requiresUser() {
    return false;
  }

  @Override
  public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
    return true;
  }

  @Override
  public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {}

  @Override
  public void close() {}

  /**
   * What the pages show: the address the person typed and, on the code page, how long the code
   * lives. A class with getters, not a record: the templates read JavaBean properties.
   */
  public static final class EmailLoginBean {

    private final String address;
    private final String lifetime;

    EmailLoginBean(String address, String lifetime) {
      this.address = address;
      this.lifetime = lifetime;
    }

    public String getAddress() {
      return address;
    }

    public String getLifetime() {
      return lifetime;
    }
  }
}
