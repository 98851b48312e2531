package io.airtix.keycloak.emaillogin;

import java.util.List;
import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * Passwordless sign-in by e-mail (link or code) as a first factor. Put it beside the password form
 * as an {@code ALTERNATIVE}; configure it through the execution's authenticator config (see the
 * module README).
 */
public final class EmailLoginAuthenticatorFactory implements AuthenticatorFactory {

  public static final String ID = "airtix-email-login";

  private static final Authenticator AUTHENTICATOR = new EmailLoginAuthenticator();

  private static final List<ProviderConfigProperty> CONFIG =
      ProviderConfigurationBuilder.create()
          .property()
          .name(EmailLoginSettings.LIFETIME)
          .label("Lifetime (seconds)")
          .helpText("How long the mailed link and code work.")
          .type(ProviderConfigProperty.STRING_TYPE)
          .defaultValue(Long.toString(EmailLoginSettings.DEFAULTS.lifetime().toSeconds()))
          .add()
          .property()
          .name(EmailLoginSettings.SENDS_PER_WINDOW)
          .label("Mails per address")
          .helpText("How many sign-in mails one address may receive within the window below.")
          .type(ProviderConfigProperty.STRING_TYPE)
          .defaultValue(Integer.toString(EmailLoginSettings.DEFAULTS.sendsPerWindow()))
          .add()
          .property()
          .name(EmailLoginSettings.SEND_WINDOW)
          .label("Mail window (seconds)")
          .helpText("The window for the number of mails per address.")
          .type(ProviderConfigProperty.STRING_TYPE)
          .defaultValue(Long.toString(EmailLoginSettings.DEFAULTS.sendWindow().toSeconds()))
          .add()
          .property()
          .name(EmailLoginSettings.WRONG_CODES_ALLOWED)
          .label("Wrong codes allowed")
          .helpText(
              "After this many wrong codes the mailed code stops working; the link still works.")
          .type(ProviderConfigProperty.STRING_TYPE)
          .defaultValue(Integer.toString(EmailLoginSettings.DEFAULTS.wrongCodesAllowed()))
          .add()
          .build();

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public String getDisplayType() {
    return "Airtix e-mail link or code";
  }

  @Override
  public String getReferenceCategory() {
    return "email";
  }

  @Override
  public String getHelpText() {
    return "Signs a person in without a password by a link and a one-time code sent to their e-mail address;"
        + " a new address registers this way.";
  }

  @Override
  public boolean isConfigurable() {
    return true;
  }

  @Override
  public List<ProviderConfigProperty> getConfigProperties() {
    return CONFIG;
  }

  @Override
  public Requirement[] getRequirementChoices() {
    return new Requirement[] {Requirement.ALTERNATIVE, Requirement.REQUIRED, Requirement.DISABLED};
  }

  @Override
  public boolean isUserSetupAllowed() {
    return false;
  }

  @Override
  public Authenticator create(KeycloakSession session) {
    return AUTHENTICATOR;
  }

  @Override
  public void init(Config.Scope config) {}

  @Override
  public void postInit(KeycloakSessionFactory factory) {}

  @Override
  public void close() {}
}
