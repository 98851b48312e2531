package io.airtix.keycloak.emaillogin;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.events.Details;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Accounts made by an e-mail sign-in from an address nobody registered yet. Created only after the
 * link or code came back, so the address is proven: verified, enabled, no password (one can be
 * added in the account console), the realm's default roles and required actions like any
 * registration, and a {@code REGISTER} event so the platform hears of the new user.
 */
final class NewAccounts {

  private NewAccounts() {}

  static UserModel register(AuthenticationFlowContext context, String address) {
    KeycloakSession session = context.getSession();
    RealmModel realm = context.getRealm();
    // the address is the natural username; should someone already hold it as a username, a random
    // suffix keeps both
    String username = address;
    if (session.users().getUserByUsername(realm, username) != null) {
      username = address + "-" + KeycloakModelUtils.generateId().substring(0, 8);
    }
    UserModel user = session.users().addUser(realm, username);
    user.setEnabled(true);
    user.setEmail(address);
    user.setEmailVerified(true);
    context
        .newEvent()
        .event(EventType.REGISTER)
        .user(user)
        .detail(Details.USERNAME, username)
        .detail(Details.EMAIL, address)
        .detail(Details.REGISTER_METHOD, EmailLoginAuthenticatorFactory.ID)
        .success();
    return user;
  }
}
