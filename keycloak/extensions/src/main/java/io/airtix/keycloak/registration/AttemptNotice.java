package io.airtix.keycloak.registration;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.jboss.logging.Logger;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.Urls;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Tells the owner of an address that someone tried to register with it: sign in, or reset the
 * password if that was them; nothing to do otherwise. Mail templates {@code
 * registration-attempt.ftl} of the e-mail theme.
 */
final class AttemptNotice {

  /**
   * Repeated attempts must not flood the owner's inbox: one notice per owner in this time, across
   * the cluster.
   */
  static final Duration INTERVAL = Duration.ofMinutes(5);

  private static final Logger log = Logger.getLogger(AttemptNotice.class);

  private AttemptNotice() {}

  static void send(
      KeycloakSession session,
      RealmModel realm,
      AuthenticationSessionModel authSession,
      UserModel owner) {
    if (!session
        .singleUseObjects()
        .putIfAbsent("airtix.registration-attempt." + owner.getId(), INTERVAL.toSeconds())) {
      return;
    }
    String signIn =
        Urls.accountBase(session.getContext().getUri().getBaseUri())
            .build(realm.getName())
            .toString();
    try {
      session
          .getProvider(EmailTemplateProvider.class)
          .setRealm(realm)
          .setUser(owner)
          .setAuthenticationSession(authSession)
          // Keycloak adds its own attributes (realm name, user, locale) to the map
          .send(
              "registrationAttemptSubject",
              "registration-attempt.ftl",
              new HashMap<>(Map.of("signInUrl", signIn)));
    } catch (EmailException e) {
      // the page stays the same whatever happens here: a failure must not tell the visitor the
      // address is taken
      log.errorf(
          e,
          "airtix: could not tell user %s about a registration with their address",
          owner.getId());
    }
  }
}
