package io.airtix.keycloak.emaillogin;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.light.LightweightUserAdapter;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The mail with the link and the code, from the realm's e-mail theme ({@code
 * airtix-email-login.ftl}). An address without an account gets the same mail worded as an
 * invitation to create one.
 */
final class EmailLoginMail {

  static final String TEMPLATE = "airtix-email-login.ftl";
  static final String SUBJECT = "airtixEmailLoginSubject";

  private static final Logger log = Logger.getLogger(EmailLoginMail.class);

  private EmailLoginMail() {}

  static void send(
      KeycloakSession session,
      RealmModel realm,
      AuthenticationSessionModel authSession,
      UserModel user,
      String address,
      URI link,
      String code,
      Duration lifetime) {
    if (user == null && !realm.isRegistrationAllowed()) {
      // nobody to sign in and nobody may register: no mail, the page says the same as always
      return;
    }
    EmailTemplateProvider mail =
        session
            .getProvider(EmailTemplateProvider.class)
            .setRealm(realm)
            .setAuthenticationSession(authSession)
            .setUser(user != null ? user : addressee(session, realm, address));
    // Keycloak adds its own attributes (locale, realm name) to this map
    Map<String, Object> attributes = new HashMap<>();
    attributes.put("link", link.toString());
    attributes.put("code", code);
    attributes.put("lifetime", lifetimeText(lifetime));
    attributes.put("newAccount", user == null);
    try {
      mail.send(SUBJECT, List.of(), TEMPLATE, attributes, address);
    } catch (EmailException e) {
      // the person sees the usual page: a failure here must not tell whether the address has an
      // account
      log.warnf(e, "airtix: sign-in mail in realm %s not sent", realm.getName());
    }
  }

  /**
   * Keycloak's mail templates need a user: for an address without an account, one that lives in
   * memory only.
   */
  private static UserModel addressee(KeycloakSession session, RealmModel realm, String address) {
    UserModel addressee =
        new LightweightUserAdapter(session, realm, KeycloakModelUtils.generateId());
    addressee.setEmail(address);
    return addressee;
  }

  /**
   * "10 minutes", "1 minute", "30 seconds": how the pages and the mail say how long the link and
   * code work.
   */
  static String lifetimeText(Duration lifetime) {
    long seconds = lifetime.toSeconds();
    if (seconds % 60 != 0) {
      return seconds + (seconds == 1 ? " second" : " seconds");
    }
    long minutes = seconds / 60;
    return minutes + (minutes == 1 ? " minute" : " minutes");
  }
}
