package io.airtix.tenants.directory;

import io.airtix.keycloakclient.AirtixRealm;
import io.airtix.platform.problem.AirlineNotFoundException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.keycloak.admin.client.resource.OrganizationMembersResource;
import org.keycloak.admin.client.resource.OrganizationResource;
import org.keycloak.representations.idm.OrganizationInvitationRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keycloak's organization invitations, with the tenant roles each one promises. Keycloak mails the
 * link and, when the person accepts it (registering first when the address has no account yet),
 * makes them a member; the roles wait meanwhile as an organization attribute {@code
 * airtix.pending-roles.<address>}, which the Keycloak extension (PendingStaffRoles) turns into role
 * groups the moment the person joins. An invitation is the only way into an airline: nobody becomes
 * staff without their own act (decision 0024). No state lives in this service.
 */
@Component
public class Invitations {

  /** Shared with the Keycloak extension, which reads and then removes the attribute. */
  static final String PENDING_ROLES_PREFIX = "airtix.pending-roles.";

  private static final Logger log = LoggerFactory.getLogger(Invitations.class);

  private final AirtixRealm realm;
  private final People people;

  public Invitations(AirtixRealm realm, People people) {
    this.realm = realm;
    this.people = people;
  }

  /**
   * Invites the address to the airline with these roles: records the roles, then asks Keycloak to
   * mail the invitation, to the account of that address when there is one (the person confirms
   * after following the link), otherwise to the address (the person registers through the link).
   * Repeating it replaces the roles and sends a fresh link.
   *
   * @throws InvitationNotSentException when Keycloak could not send the mail; the roles stay
   *     recorded, so a repetition completes the invitation
   */
  public Invitation invite(Airline airline, String email, Set<String> roles) {
    String address = email.toLowerCase(Locale.ROOT);
    setPendingRoles(airline, address, roles);
    Optional<Person> account = people.byEmail(address);
    OrganizationMembersResource members = organization(airline).members();
    try (Response response =
        account.isPresent()
            ? members.inviteExistingUser(account.get().id())
            : members.inviteUser(address, "", "")) {
      if (response.getStatus() / 100 != 2) {
        log.warn(
            "Keycloak did not send the invitation of airline {}: {} {}",
            airline.alias(),
            response.getStatus(),
            response.readEntity(String.class));
        throw new InvitationNotSentException(airline.alias());
      }
    }
    return pending(airline).stream()
        .filter(invitation -> invitation.email().equals(address))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "Keycloak sent the invitation of "
                        + airline.alias()
                        + " but does not list it"));
  }

  /**
   * The airline's invitations that have not been accepted (Keycloak forgets an accepted one),
   * newest first, with the roles each one promises.
   */
  public List<Invitation> pending(Airline airline) {
    Map<String, List<String>> attributes = attributes(organization(airline).toRepresentation());
    List<Invitation> invitations = new ArrayList<>();
    for (OrganizationInvitationRepresentation invitation :
        organization(airline).invitations().list()) {
      String address = invitation.getEmail().toLowerCase(Locale.ROOT);
      List<String> roles = attributes.getOrDefault(PENDING_ROLES_PREFIX + address, List.of());
      invitations.add(
          new Invitation(
              invitation.getId(),
              address,
              new TreeSet<>(roles),
              invitation.getStatus().name(),
              Instant.ofEpochSecond(invitation.getSentDate()),
              Instant.ofEpochSecond(invitation.getExpiresAt())));
    }
    invitations.sort((first, second) -> second.sentAt().compareTo(first.sentAt()));
    return invitations;
  }

  public Optional<Invitation> find(Airline airline, String invitationId) {
    return pending(airline).stream()
        .filter(invitation -> invitation.id().equals(invitationId))
        .findFirst();
  }

  /** Withdraws the invitation: its link stops working and its roles are forgotten. */
  public void revoke(Airline airline, Invitation invitation) {
    try (Response response = organization(airline).invitations().delete(invitation.id())) {
      if (response.getStatus() / 100 != 2 && response.getStatus() != 404) {
        throw new IllegalStateException(
            "Keycloak refused to delete invitation "
                + invitation.id()
                + ": "
                + response.getStatus()
                + " "
                + response.readEntity(String.class));
      }
    }
    setPendingRoles(airline, invitation.email(), Set.of());
  }

  private void setPendingRoles(Airline airline, String address, Set<String> roles) {
    OrganizationRepresentation organization = organization(airline).toRepresentation();
    Map<String, List<String>> attributes = new HashMap<>(attributes(organization));
    if (roles.isEmpty()) {
      attributes.remove(PENDING_ROLES_PREFIX + address);
    } else {
      attributes.put(PENDING_ROLES_PREFIX + address, List.copyOf(new TreeSet<>(roles)));
    }
    organization.setAttributes(attributes);
    try (Response response = organization(airline).update(organization)) {
      if (response.getStatus() / 100 != 2) {
        throw new IllegalStateException(
            "Keycloak refused to update airline "
                + airline.alias()
                + ": "
                + response.getStatus()
                + " "
                + response.readEntity(String.class));
      }
    }
  }

  private OrganizationResource organization(Airline airline) {
    try {
      return realm.resource().organizations().get(airline.organizationId());
    } catch (NotFoundException e) {
      throw new AirlineNotFoundException(airline.alias());
    }
  }

  private static Map<String, List<String>> attributes(OrganizationRepresentation organization) {
    return organization.getAttributes() == null ? Map.of() : organization.getAttributes();
  }
}
