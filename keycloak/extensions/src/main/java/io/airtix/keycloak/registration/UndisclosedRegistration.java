package io.airtix.keycloak.registration;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import java.util.Set;
import org.keycloak.authentication.FormContext;
import org.keycloak.authentication.ValidationContext;
import org.keycloak.authentication.forms.RegistrationPage;
import org.keycloak.authentication.forms.RegistrationUserCreation;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.http.HttpRequest;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.services.messages.Messages;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Keycloak's user creation step of the registration form, silent about addresses that already have
 * an account.
 *
 * <p>Keycloak answers a taken address with "Email already exists.", which tells anyone whether a
 * person has an Airtix account. Here every validation stays Keycloak's (user profile, organization
 * invitations, and the other steps of the form: password policy, terms), except that a taken
 * address is no error: once everything else is valid, a taken address creates nothing, its owner
 * gets a mail about the attempt, and the page is the "verify your e-mail" page a new registration
 * gets.
 *
 * <p>A taken username that is not the address stays an error: two people cannot share a username,
 * and usernames are not addresses.
 */
public final class UndisclosedRegistration extends RegistrationUserCreation {

  public static final String ID = "airtix-registration-user-creation";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public String getDisplayType() {
    return "Airtix: registration user creation, silent about taken addresses";
  }

  @Override
  public String getHelpText() {
    return "Replaces Registration User Profile Creation and must come first. Validates like it; a taken e-mail "
        + "address creates nothing, mails its owner and shows the page a new registration gets.";
  }

  @Override
  public void validate(ValidationContext context) {
    super.validate(new TakenAddressIsNoError(context));
  }

  @Override
  public void success(FormContext context) {
    UserModel owner = ownerOfTheAddress(context);
    if (owner == null) {
      super.success(context);
      return;
    }
    context.getEvent().user(owner);
    AttemptNotice.send(
        context.getSession(), context.getRealm(), context.getAuthenticationSession(), owner);
    throw new CheckYourMailPage(context, owner.getEmail());
  }

  /**
   * The account that already has the address being registered (or the username, where the username
   * is the address).
   */
  private static UserModel ownerOfTheAddress(FormContext context) {
    MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
    String email = form.getFirst(RegistrationPage.FIELD_EMAIL);
    if (email == null || email.isBlank()) {
      return null;
    }
    KeycloakSession session = context.getSession();
    RealmModel realm = context.getRealm();
    UserModel owner = session.users().getUserByEmail(realm, email.strip());
    if (owner == null && realm.isRegistrationEmailAsUsername()) {
      owner = session.users().getUserByUsername(realm, email.strip());
    }
    return owner;
  }

  /**
   * Lets Keycloak's validation run unchanged and passes its verdict on without the errors that say
   * the address is taken: with no other error left, the form is valid.
   */
  private static final class TakenAddressIsNoError implements ValidationContext {

    private final ValidationContext context;

    /** Keycloak names the event's error just before it reports the errors; passed on with them. */
    private String error;

    TakenAddressIsNoError(ValidationContext context) {
      this.context = context;
    }

    @Override
    public void error(String error) {
      this.error = error;
    }

    @Override
    public void validationError(MultivaluedMap<String, String> formData, List<FormMessage> errors) {
      List<FormMessage> remaining =
          errors.stream().filter(message -> !saysTheAddressIsTaken(message)).toList();
      if (remaining.isEmpty()) {
        context.success();
        return;
      }
      context.error(remaining.size() == errors.size() ? error : Errors.INVALID_REGISTRATION);
      context.validationError(formData, remaining);
    }

    private boolean saysTheAddressIsTaken(FormMessage message) {
      Set<String> taken =
          context.getRealm().isRegistrationEmailAsUsername()
              ? Set.of(Messages.EMAIL_EXISTS, Messages.USERNAME_EXISTS)
              : Set.of(Messages.EMAIL_EXISTS);
      return taken.contains(message.getMessage());
    }

    @Override
    public void success() {
      context.success();
    }

    @Override
    public void excludeOtherErrors() {
      context.excludeOtherErrors();
    }

    @Override
    public EventBuilder getEvent() {
      return context.getEvent();
    }

    @Override
    public EventBuilder newEvent() {
      return context.newEvent();
    }

    @Override
    public AuthenticationExecutionModel getExecution() {
      return context.getExecution();
    }

    @Override
    public UserModel getUser() {
      return context.getUser();
    }

    @Override
    public void setUser(UserModel user) {
      context.setUser(user);
    }

    @Override
    public RealmModel getRealm() {
      return context.getRealm();
    }

    @Override
    public AuthenticationSessionModel getAuthenticationSession() {
      return context.getAuthenticationSession();
    }

    @Override
    public org.keycloak.common.ClientConnection getConnection() {
      return context.getConnection();
    }

    @Override
    public jakarta.ws.rs.core.UriInfo getUriInfo() {
      return context.getUriInfo();
    }

    @Override
    public KeycloakSession getSession() {
      return context.getSession();
    }

    @Override
    public HttpRequest getHttpRequest() {
      return context.getHttpRequest();
    }

    @Override
    public AuthenticatorConfigModel getAuthenticatorConfig() {
      return context.getAuthenticatorConfig();
    }
  }
}
