package io.airtix.keycloak.organization;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.logging.Logger;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.provider.ProviderEvent;
import org.keycloak.provider.ProviderEventListener;

/**
 * Gives a person invited to an airline the tenant roles the invitation promised, the moment they
 * join its organization. The tenants service keeps those roles on the organization, one attribute
 * per invited address ({@link #attributeFor(String)}), because Keycloak's invitation carries no
 * roles; a join without such an attribute (staff added directly, members added in the console) is
 * left alone. The roles it grants are announced through {@link StaffChanges} ({@code staff.changed}
 * on the broker), since Keycloak makes no admin event for them.
 */
public final class PendingStaffRoles implements ProviderEventListener {

  /**
   * Followed by the invited address in lower case; the values are the tenant roles, e.g. {@code
   * agent}.
   */
  public static final String ATTRIBUTE_PREFIX = "airtix.pending-roles.";

  private static final Logger log = Logger.getLogger(PendingStaffRoles.class);

  /**
   * Told, inside Keycloak's transaction, that a person's tenant roles in the airline (its alias)
   * changed: granting them makes no admin event, so nothing else would tell the platform.
   */
  @FunctionalInterface
  public interface StaffChanges {
    void changed(KeycloakSession session, UserModel user, String airline);
  }

  private final StaffChanges staffChanges;

  public PendingStaffRoles(StaffChanges staffChanges) {
    this.staffChanges = staffChanges;
  }

  public static String attributeFor(String email) {
    return ATTRIBUTE_PREFIX + email.toLowerCase(Locale.ROOT);
  }

  @Override
  public void onEvent(ProviderEvent event) {
    if (event instanceof OrganizationModel.OrganizationMemberJoinEvent join) {
      grant(join.getSession(), join.getOrganization(), join.getUser());
    }
  }

  private void grant(KeycloakSession session, OrganizationModel organization, UserModel user) {
    if (user.getEmail() == null) {
      return;
    }
    Map<String, List<String>> attributes = new HashMap<>(organization.getAttributes());
    List<String> roles = attributes.remove(attributeFor(user.getEmail()));
    if (roles == null) {
      return;
    }
    RealmModel realm = session.getContext().getRealm();
    for (String role : roles) {
      // the groups of decision 0002; a role whose group an admin deleted meanwhile is skipped, not
      // invented
      GroupModel group =
          KeycloakModelUtils.findGroupByPath(
              session, realm, "/airlines/" + organization.getAlias() + "/" + role);
      if (group == null) {
        log.warnf(
            "airtix: invited member %s of %s: no group for role %s",
            user.getId(), organization.getAlias(), role);
      } else if (!user.isMemberOf(group)) {
        user.joinGroup(group);
      }
    }
    organization.setAttributes(attributes);
    // the person's roles there now, also when they held some before or a group was missing
    staffChanges.changed(session, user, organization.getAlias());
    log.infof(
        "airtix: invited member %s joined %s with roles %s",
        user.getId(), organization.getAlias(), roles);
  }
}
