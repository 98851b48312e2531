package io.airtix.keycloak.emaillogin;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.credential.CredentialModel;
import org.keycloak.events.Details;
import org.keycloak.events.EventType;
import org.keycloak.models.FederatedIdentityModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.services.managers.AuthenticationManager;

/**
 * An account whose address was never proven may have been made by someone else: anyone can type
 * another person's address. When the address's owner proves it by e-mail sign-in, nothing set up
 * before that proof can be trusted to be theirs: every credential and every link to a social
 * account is removed and every other session of the account ends. Then the address counts as
 * verified.
 */
final class UnprovenAccounts {

  private static final String REASON = "address_proven_by_email_sign_in";

  private UnprovenAccounts() {}

  static void claim(AuthenticationFlowContext context, UserModel user) {
    KeycloakSession session = context.getSession();
    RealmModel realm = context.getRealm();
    // collected first: removing while streaming the store's own results is not allowed
    List<CredentialModel> credentials =
        user.credentialManager().getStoredCredentialsStream().toList();
    for (CredentialModel credential : credentials) {
      user.credentialManager().removeStoredCredentialById(credential.getId());
      context
          .newEvent()
          .event(EventType.REMOVE_CREDENTIAL)
          .user(user)
          .detail(Details.CREDENTIAL_TYPE, credential.getType())
          .detail(Details.REASON, REASON)
          .success();
    }
    List<FederatedIdentityModel> links =
        session.users().getFederatedIdentitiesStream(realm, user).toList();
    for (FederatedIdentityModel link : links) {
      session.users().removeFederatedIdentity(realm, user, link.getIdentityProvider());
      context
          .newEvent()
          .event(EventType.REMOVE_FEDERATED_IDENTITY)
          .user(user)
          .detail(Details.IDENTITY_PROVIDER, link.getIdentityProvider())
          .detail(Details.REASON, REASON)
          .success();
    }
    endOtherSessions(context, user);
    user.setEmailVerified(true);
  }

  /**
   * As Keycloak ends the other sessions of someone who changes their password and signs out the
   * other devices: a back-channel logout of each, and a {@code LOGOUT} event per session so the
   * platform stops honouring its tokens. Offline sessions are looked up after the others ended,
   * since ending one may have ended its offline twin.
   */
  private static void endOtherSessions(AuthenticationFlowContext context, UserModel user) {
    KeycloakSession session = context.getSession();
    RealmModel realm = context.getRealm();
    end(context, user, session.sessions().getUserSessionsStream(realm, user));
    end(context, user, session.sessions().getOfflineUserSessionsStream(realm, user));
  }

  private static void end(
      AuthenticationFlowContext context, UserModel user, Stream<UserSessionModel> userSessions) {
    KeycloakSession session = context.getSession();
    String current = context.getAuthenticationSession().getParentSession().getId();
    List<UserSessionModel> others =
        userSessions.filter(userSession -> !Objects.equals(userSession.getId(), current)).toList();
    for (UserSessionModel userSession : others) {
      AuthenticationManager.backchannelLogout(
          session,
          context.getRealm(),
          userSession,
          session.getContext().getUri(),
          context.getConnection(),
          context.getHttpRequest().getHttpHeaders(),
          true);
      context
          .newEvent()
          .event(EventType.LOGOUT)
          .user(user)
          .session(userSession)
          .detail(Details.REASON, REASON)
          .success();
    }
  }
}
