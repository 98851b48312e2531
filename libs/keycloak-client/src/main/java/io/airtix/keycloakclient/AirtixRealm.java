package io.airtix.keycloakclient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;

import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.OrganizationDomainRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * The {@code airtix} realm seen through Keycloak's admin API: airlines and the people who use them.
 * <p>
 * An airline is an Organization (alias = tenant id) plus the realm groups {@code /airlines/<alias>/<tenant role>}.
 * Membership of such a group is what the token's {@code groups} claim reports, e.g.
 * {@code /airlines/aerolux/agent} = role {@code agent} in airline {@code aerolux}.
 * <p>
 * Users keep the realm's default roles, so a platform admin holds {@code customer} too: the default role composite
 * also carries the account-console roles every person needs, and platform roles are additive, never exclusive.
 */
public final class AirtixRealm {

  public static final String NAME = "airtix";
  public static final String AIRLINES_GROUP = "airlines";
  public static final Set<String> TENANT_ROLES = Set.of("tenant-admin", "agent", "auditor");
  /** Organizations need a domain; airlines get one under a reserved name that never receives mail. */
  public static final String AIRLINE_DOMAIN_SUFFIX = ".airtix.test";

  private final Keycloak keycloak;
  private final String realmName;

  public AirtixRealm(Keycloak keycloak) {
    this(keycloak, NAME);
  }

  public AirtixRealm(Keycloak keycloak, String realmName) {
    this.keycloak = Objects.requireNonNull(keycloak, "keycloak");
    this.realmName = Objects.requireNonNull(realmName, "realmName");
  }

  public RealmResource resource() {
    return keycloak.realm(realmName);
  }

  /**
   * Creates the airline's organization and its role groups unless they exist; safe to call again and from several
   * threads or processes.
   *
   * @return the organization's id
   */
  public synchronized String ensureAirline(String alias, String name) {
    String organizationId = organization(alias).orElseGet(() -> createOrganization(alias, name));
    GroupRepresentation airlines = ensureGroup(null, AIRLINES_GROUP);
    GroupRepresentation airline = ensureGroup(airlines, alias);
    for (String role : TENANT_ROLES) {
      ensureGroup(airline, role);
    }
    return organizationId;
  }

  /**
   * Creates an enabled user with a verified e-mail address and a permanent password, grants the realm roles, and
   * makes them a member of each airline's role groups and organization. The airlines must exist already.
   *
   * @return the new user's id (the tokens' {@code sub})
   */
  public String createUser(NewUser user) {
    RealmResource realm = resource();
    UserRepresentation representation = new UserRepresentation();
    representation.setUsername(user.username());
    representation.setEmail(user.email());
    representation.setFirstName(user.firstName());
    representation.setLastName(user.lastName());
    representation.setEnabled(true);
    representation.setEmailVerified(true);
    CredentialRepresentation password = new CredentialRepresentation();
    password.setType(CredentialRepresentation.PASSWORD);
    password.setValue(user.password());
    password.setTemporary(false);
    representation.setCredentials(List.of(password));

    String userId;
    try (Response response = realm.users().create(representation)) {
      if (response.getStatus() != 201) {
        throw new IllegalStateException("Keycloak refused to create user " + user.username() + ": "
            + response.getStatus() + " " + response.readEntity(String.class));
      }
      userId = CreatedResponseUtil.getCreatedId(response);
    }

    if (!user.realmRoles().isEmpty()) {
      List<RoleRepresentation> roles = new ArrayList<>();
      for (String role : user.realmRoles()) {
        roles.add(realm.roles().get(role).toRepresentation());
      }
      realm.users().get(userId).roles().realmLevel().add(roles);
    }

    for (Map.Entry<String, Set<String>> airline : user.airlineRoles().entrySet()) {
      String organizationId = organization(airline.getKey()).orElseThrow(() -> new IllegalStateException(
          "airline " + airline.getKey() + " does not exist: call ensureAirline first"));
      for (String role : airline.getValue()) {
        String path = airlineGroupPath(airline.getKey(), role);
        GroupRepresentation group = group(path).orElseThrow(() -> new IllegalStateException(
            "group " + path + " does not exist: tenant roles are " + TENANT_ROLES));
        realm.users().get(userId).joinGroup(group.getId());
      }
      try (Response response = realm.organizations().get(organizationId).members().addMember(userId)) {
        if (response.getStatus() / 100 != 2) {
          throw new IllegalStateException("Keycloak refused to add " + user.username() + " to airline "
              + airline.getKey() + ": " + response.getStatus() + " " + response.readEntity(String.class));
        }
      }
    }
    return userId;
  }

  /** The secret of a confidential client; Keycloak generates one on import, or now if it has none yet. */
  public String clientSecret(String clientId) {
    String id = clientUuid(clientId);
    String secret = resource().clients().get(id).getSecret().getValue();
    if (secret == null || secret.isEmpty()) {
      secret = resource().clients().get(id).generateNewSecret().getValue();
    }
    return secret;
  }

  /** Keycloak's internal id of a client, needed by most admin endpoints. */
  public String clientUuid(String clientId) {
    List<ClientRepresentation> clients = resource().clients().findByClientId(clientId);
    if (clients.isEmpty()) {
      throw new IllegalStateException("realm " + realmName + " has no client " + clientId);
    }
    return clients.get(0).getId();
  }

  public static String airlineGroupPath(String airline, String role) {
    return "/" + AIRLINES_GROUP + "/" + airline + "/" + role;
  }

  private Optional<String> organization(String alias) {
    // the endpoint pages (ten by default) and searches names and domains, not aliases: walk all pages
    int page = 100;
    for (int first = 0; ; first += page) {
      List<OrganizationRepresentation> organizations = resource().organizations().list(first, page);
      Optional<String> found = organizations.stream()
          .filter(organization -> alias.equals(organization.getAlias()))
          .map(OrganizationRepresentation::getId)
          .findFirst();
      if (found.isPresent() || organizations.size() < page) {
        return found;
      }
    }
  }

  private String createOrganization(String alias, String name) {
    OrganizationRepresentation organization = new OrganizationRepresentation();
    organization.setAlias(alias);
    organization.setName(name);
    organization.setEnabled(true);
    OrganizationDomainRepresentation domain = new OrganizationDomainRepresentation();
    domain.setName(alias + AIRLINE_DOMAIN_SUFFIX);
    organization.addDomain(domain);
    try (Response response = resource().organizations().create(organization)) {
      if (response.getStatus() == 201) {
        return CreatedResponseUtil.getCreatedId(response);
      }
      // another process created it between our lookup and our create
      return organization(alias).orElseThrow(() -> new IllegalStateException("Keycloak refused to create airline "
          + alias + ": " + response.getStatus() + " " + response.readEntity(String.class)));
    }
  }

  private GroupRepresentation ensureGroup(GroupRepresentation parent, String name) {
    String path = (parent == null ? "" : parent.getPath()) + "/" + name;
    Optional<GroupRepresentation> existing = group(path);
    if (existing.isPresent()) {
      return existing.get();
    }
    GroupRepresentation group = new GroupRepresentation();
    group.setName(name);
    try (Response response = parent == null
        ? resource().groups().add(group)
        : resource().groups().group(parent.getId()).subGroup(group)) {
      if (response.getStatus() / 100 != 2 && response.getStatus() != 409) {
        throw new IllegalStateException("Keycloak refused to create group " + path + ": "
            + response.getStatus() + " " + response.readEntity(String.class));
      }
    }
    return group(path).orElseThrow(() -> new IllegalStateException("group " + path + " vanished after creation"));
  }

  private Optional<GroupRepresentation> group(String path) {
    try {
      return Optional.of(resource().getGroupByPath(path));
    }
    catch (NotFoundException e) {
      return Optional.empty();
    }
  }
}
