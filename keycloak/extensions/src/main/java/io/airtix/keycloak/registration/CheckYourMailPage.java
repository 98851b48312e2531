package io.airtix.keycloak.registration;

import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.AuthenticationFlowException;
import org.keycloak.authentication.FormContext;
import org.keycloak.events.Errors;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.forms.login.MessageType;
import org.keycloak.forms.login.freemarker.model.AuthenticationSessionBean;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.services.messages.Messages;
import org.keycloak.services.resources.LoginActionsService;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Ends a registration with the page Keycloak shows after a new registration, "You need to verify
 * your email address to activate your account", for the address that was typed.
 *
 * <p>A step of Keycloak's registration form cannot answer with a page of its own once the form is
 * valid; an {@link AuthenticationFlowException} carrying the page can, and it stops the form's
 * later steps, which would otherwise work on an account that was never created. Keycloak logs it as
 * a failed registration (error {@code generic_authentication_error}, detail {@code email_in_use}),
 * without a stack trace.
 */
final class CheckYourMailPage extends AuthenticationFlowException {

  private final transient Response page;

  CheckYourMailPage(FormContext context, String typedEmail) {
    super(
        "registration with an address that already has an account",
        null,
        false,
        false,
        AuthenticationFlowError.GENERIC_AUTHENTICATION_ERROR);
    this.page = render(context, typedEmail.strip().toLowerCase(Locale.ROOT));
  }

  @Override
  public Response getResponse() {
    return page;
  }

  @Override
  public String getEventDetails() {
    return Errors.EMAIL_IN_USE;
  }

  private static Response render(FormContext context, String email) {
    AuthenticationSessionModel authSession = context.getAuthenticationSession();
    return context
        .getSession()
        .getProvider(LoginFormsProvider.class)
        .setAuthenticationSession(authSession)
        // "Click here to re-send the email" leads back to the registration form
        .setActionUri(
            LoginActionsService.registrationFormProcessor(context.getUriInfo())
                .queryParam(
                    OIDCLoginProtocol.CLIENT_ID_PARAM, authSession.getClient().getClientId())
                .queryParam("tab_id", authSession.getTabId())
                .build(context.getRealm().getName()))
        .setAttribute("verifyEmail", email)
        .setAttribute(
            "authenticationSession",
            new AuthenticationSessionBean(
                authSession.getParentSession().getId(), authSession.getTabId()))
        .setMessage(MessageType.WARNING, Messages.VERIFY_EMAIL)
        .createForm("login-verify-email.ftl");
  }
}
