package io.airtix.keycloak.realm;

import org.jboss.logging.Logger;
import org.keycloak.models.Constants;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.provider.ProviderEvent;
import org.keycloak.provider.ProviderEventListener;

/**
 * Takes {@code offline_access} out of the default roles of every realm created with the {@code
 * airtix} event listener: an offline token outlives every session and sign-out, and a ban or a
 * withdrawn role would not reach it, so nobody holds the right to one without being given it.
 * Keycloak puts the role into the default roles itself when it imports a realm file without client
 * scopes, whatever the file says; the realm is done being created when this runs.
 */
public final class NoOfflineAccessByDefault implements ProviderEventListener {

  private static final Logger log = Logger.getLogger(NoOfflineAccessByDefault.class);

  @Override
  public void onEvent(ProviderEvent event) {
    if (event instanceof RealmModel.RealmPostCreateEvent created) {
      apply(created.getCreatedRealm());
    }
  }

  static void apply(RealmModel realm) {
    boolean airtixRealm = realm.getEventsListenersStream().anyMatch("airtix"::equals);
    RoleModel offline = realm.getRole(Constants.OFFLINE_ACCESS_ROLE);
    RoleModel defaults = realm.getDefaultRole();
    if (airtixRealm
        && offline != null
        && defaults != null
        && defaults.getCompositesStream().anyMatch(role -> role.getId().equals(offline.getId()))) {
      defaults.removeCompositeRole(offline);
      log.infof("airtix: %s is no default role of realm %s", offline.getName(), realm.getName());
    }
  }
}
