package io.airtix.keycloakclient;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.AuthorizationResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.OrganizationDomainRepresentation;
import org.keycloak.representations.idm.OrganizationInvitationRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.representations.idm.authorization.DecisionStrategy;
import org.keycloak.representations.idm.authorization.GroupPolicyRepresentation;
import org.keycloak.representations.idm.authorization.ScopePermissionRepresentation;

/**
 * The {@code airtix} realm seen through Keycloak's admin API: airlines and the people who use them.
 *
 * <p>An airline is an Organization (alias = tenant id) plus the realm groups {@code
 * /airlines/<alias>/<tenant role>}. Membership of such a group is what the token's {@code groups}
 * claim reports, e.g. {@code /airlines/aerolux/agent} = role {@code agent} in airline {@code
 * aerolux}.
 *
 * <p>Users keep the realm's default roles, so a platform admin holds {@code customer} too: the
 * default role composite also carries the account-console roles every person needs, and platform
 * roles are additive, never exclusive.
 */
public final class AirtixRealm {

  public static final String NAME = "airtix";
  public static final String AIRLINES_GROUP = "airlines";
  public static final Set<String> TENANT_ROLES = Set.of("tenant-admin", "agent", "auditor");

  /**
   * The airline's group of suspended staff, {@code /airlines/<alias>/suspended}: members who keep
   * their place in the airline but hold none of its roles. No role of that name exists, so the
   * group grants nothing; it keeps them visible to the airline's tenant admins.
   */
  public static final String SUSPENDED_GROUP = "suspended";

  /**
   * Organizations need a domain; airlines get one under a reserved name that never receives mail.
   */
  public static final String AIRLINE_DOMAIN_SUFFIX = ".airtix.test";

  /**
   * Realm role (defined in the realm file) holding only the realm-management query roles; mapped to
   * every airline's {@code tenant-admin} group. Never a legacy {@code view-users}/{@code
   * manage-users}: those would bypass the fine-grained permissions and show the whole realm.
   */
  public static final String TENANT_ADMIN_CONSOLE_ROLE = "tenant-admin-console";

  /**
   * Realm role (defined in the realm file) whose holders must sign in with a second factor: the
   * realm's browser flow makes them set up an authenticator app at the next sign-in when they have
   * none. Part of {@code platform-admin}; mapped to every airline's {@code tenant-admin} group.
   */
  public static final String SECOND_FACTOR_REQUIRED_ROLE = "second-factor-required";

  /**
   * What a tenant admin may do to the airline's groups and, through them, to the airline's staff:
   * see the groups and their members, and move members between them ({@code manage-membership} on
   * the groups, {@code manage-membership-of-members}, without which Keycloak refuses to change a
   * member's groups). Never {@code manage-members}: it would let them edit, disable, sign out and
   * reset the credentials of every member's account, whoever else that person works for (decision
   * 0024); account-wide actions go through the tenants service, which checks whose account it is.
   */
  public static final Set<String> STAFF_GROUP_SCOPES =
      Set.of("view", "view-members", "manage-membership", "manage-membership-of-members");

  /**
   * What a tenant admin may do to the airline's organization: see it and its (visible) members. Not
   * {@code manage}: in Keycloak 26.7 it also lets the holder replace the organization's domains and
   * attributes, which identify the airline; tenant admins invite and remove staff through the
   * tenants service instead.
   */
  public static final Set<String> ORGANIZATION_SCOPES = Set.of("view");

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
   * Creates the airline's organization and its role groups unless they exist, and makes the
   * airline's tenant admins sign in with a second factor ({@link #SECOND_FACTOR_REQUIRED_ROLE} on
   * the {@code tenant-admin} group); safe to call again and from several threads or processes.
   *
   * @return the organization's id
   */
  public synchronized String ensureAirline(String alias, String name) {
    String organizationId = organization(alias).orElseGet(() -> createOrganization(alias, name));
    GroupRepresentation airlines = ensureGroup(null, AIRLINES_GROUP);
    GroupRepresentation airline = ensureGroup(airlines, alias);
    for (String role : TENANT_ROLES) {
      GroupRepresentation group = ensureGroup(airline, role);
      if ("tenant-admin".equals(role)) {
        ensureRealmRoleOfGroup(group.getId(), SECOND_FACTOR_REQUIRED_ROLE);
      }
    }
    ensureGroup(airline, SUSPENDED_GROUP);
    return organizationId;
  }

  /**
   * Creates an enabled user with a verified e-mail address and a permanent password, grants the
   * realm roles, and makes them a member of each airline's role groups and organization. The
   * airlines must exist already.
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
        throw new IllegalStateException(
            "Keycloak refused to create user "
                + user.username()
                + ": "
                + response.getStatus()
                + " "
                + response.readEntity(String.class));
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
      String organizationId =
          organization(airline.getKey())
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "airline "
                              + airline.getKey()
                              + " does not exist: call ensureAirline first"));
      for (String role : airline.getValue()) {
        String path = airlineGroupPath(airline.getKey(), role);
        GroupRepresentation group =
            group(path)
                .orElseThrow(
                    () ->
                        new IllegalStateException(
                            "group " + path + " does not exist: tenant roles are " + TENANT_ROLES));
        realm.users().get(userId).joinGroup(group.getId());
      }
      try (Response response =
          realm.organizations().get(organizationId).members().addMember(userId)) {
        if (response.getStatus() / 100 != 2) {
          throw new IllegalStateException(
              "Keycloak refused to add "
                  + user.username()
                  + " to airline "
                  + airline.getKey()
                  + ": "
                  + response.getStatus()
                  + " "
                  + response.readEntity(String.class));
        }
      }
    }
    return userId;
  }

  /**
   * Lets the airline's tenant admins manage their own staff, and nobody else, in Keycloak's admin
   * console: maps {@link #TENANT_ADMIN_CONSOLE_ROLE} to the group {@code
   * /airlines/<alias>/tenant-admin} and creates (or brings back to the definition below) these
   * fine-grained admin permissions (v2) in the realm's {@code admin-permissions} client:
   *
   * <ul>
   *   <li>group policy {@code airline <alias>: tenant admins} = members of {@code
   *       /airlines/<alias>/tenant-admin};
   *   <li>scope permission {@code airline <alias>: staff}, resource type {@code Groups}, on {@code
   *       /airlines/<alias>}, each of its role groups and its {@link #SUSPENDED_GROUP}, scopes
   *       {@link #STAFF_GROUP_SCOPES};
   *   <li>scope permission {@code airline <alias>: organization}, resource type {@code
   *       Organizations}, on the airline's organization, scopes {@link #ORGANIZATION_SCOPES}.
   * </ul>
   *
   * The role groups are named one by one because Keycloak filters user lists by direct group
   * membership only: a permission on the parent group alone lets a tenant admin open a member by id
   * but shows an empty user list. Safe to call again; call {@link #ensureAirline} first. Needs an
   * admin holding {@code manage-realm} (permissions of the admin-permissions client) and {@code
   * manage-users}.
   */
  public void ensureTenantAdminPermissions(String alias) {
    String organizationId =
        organization(alias)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "airline " + alias + " does not exist: call ensureAirline first"));
    GroupRepresentation airline =
        group("/" + AIRLINES_GROUP + "/" + alias)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "group /"
                            + AIRLINES_GROUP
                            + "/"
                            + alias
                            + " does not exist: call ensureAirline first"));
    Set<String> staffGroups = new TreeSet<>();
    staffGroups.add(airline.getId());
    String tenantAdmins = null;
    for (String role : staffGroupNames()) {
      GroupRepresentation group =
          group(airlineGroupPath(alias, role))
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "group "
                              + airlineGroupPath(alias, role)
                              + " does not exist: call ensureAirline first"));
      staffGroups.add(group.getId());
      if ("tenant-admin".equals(role)) {
        tenantAdmins = group.getId();
      }
    }

    ensureRealmRoleOfGroup(tenantAdmins, TENANT_ADMIN_CONSOLE_ROLE);

    AuthorizationResource permissions = adminPermissions();
    String policyId =
        ensureTenantAdminPolicy(permissions, "airline " + alias + ": tenant admins", tenantAdmins);
    ensureScopePermission(
        permissions,
        "airline " + alias + ": staff",
        "Groups",
        staffGroups,
        STAFF_GROUP_SCOPES,
        policyId);
    ensureScopePermission(
        permissions,
        "airline " + alias + ": organization",
        "Organizations",
        Set.of(organizationId),
        ORGANIZATION_SCOPES,
        policyId);
  }

  /** The addresses, in lower case, that the airline's pending invitations were sent to. */
  public Set<String> pendingInvitations(String alias) {
    String organizationId =
        organization(alias)
            .orElseThrow(() -> new IllegalStateException("airline " + alias + " does not exist"));
    Set<String> addresses = new TreeSet<>();
    for (OrganizationInvitationRepresentation invitation :
        resource().organizations().get(organizationId).invitations().list()) {
      if (invitation.getStatus() == OrganizationInvitationRepresentation.Status.PENDING) {
        addresses.add(invitation.getEmail().toLowerCase(Locale.ROOT));
      }
    }
    return addresses;
  }

  /**
   * The secret of a confidential client; Keycloak generates one on import, or now if it has none
   * yet.
   */
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

  /** The groups below {@code /airlines/<alias>} whose members are the airline's staff. */
  public static Set<String> staffGroupNames() {
    Set<String> names = new TreeSet<>(TENANT_ROLES);
    names.add(SUSPENDED_GROUP);
    return Set.copyOf(names);
  }

  public static String airlineGroupPath(String airline, String role) {
    return "/" + AIRLINES_GROUP + "/" + airline + "/" + role;
  }

  private Optional<String> organization(String alias) {
    // the endpoint pages (ten by default) and searches names and domains, not aliases: walk all
    // pages
    int page = 100;
    for (int first = 0; ; first += page) {
      List<OrganizationRepresentation> organizations = resource().organizations().list(first, page);
      Optional<String> found =
          organizations.stream()
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
      return organization(alias)
          .orElseThrow(
              () ->
                  new IllegalStateException(
                      "Keycloak refused to create airline "
                          + alias
                          + ": "
                          + response.getStatus()
                          + " "
                          + response.readEntity(String.class)));
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
    try (Response response =
        parent == null
            ? resource().groups().add(group)
            : resource().groups().group(parent.getId()).subGroup(group)) {
      if (response.getStatus() / 100 != 2 && response.getStatus() != 409) {
        throw new IllegalStateException(
            "Keycloak refused to create group "
                + path
                + ": "
                + response.getStatus()
                + " "
                + response.readEntity(String.class));
      }
    }
    return group(path)
        .orElseThrow(() -> new IllegalStateException("group " + path + " vanished after creation"));
  }

  private void ensureRealmRoleOfGroup(String groupId, String roleName) {
    RealmResource realm = resource();
    List<RoleRepresentation> mapped = realm.groups().group(groupId).roles().realmLevel().listAll();
    if (mapped.stream().noneMatch(role -> roleName.equals(role.getName()))) {
      realm
          .groups()
          .group(groupId)
          .roles()
          .realmLevel()
          .add(List.of(realm.roles().get(roleName).toRepresentation()));
    }
  }

  private AuthorizationResource adminPermissions() {
    RealmRepresentation realm = resource().toRepresentation();
    if (!Boolean.TRUE.equals(realm.isAdminPermissionsEnabled())
        || realm.getAdminPermissionsClient() == null) {
      throw new IllegalStateException(
          "realm "
              + realmName
              + " has no fine-grained admin permissions (v2): set "
              + "adminPermissionsEnabled in the realm file");
    }
    return resource().clients().get(realm.getAdminPermissionsClient().getId()).authorization();
  }

  private static String ensureTenantAdminPolicy(
      AuthorizationResource permissions, String name, String groupId) {
    GroupPolicyRepresentation existing = permissions.policies().group().findByName(name);
    if (existing != null) {
      return existing.getId();
    }
    GroupPolicyRepresentation policy = new GroupPolicyRepresentation();
    policy.setName(name);
    policy.setDescription("Holders of the airline's tenant-admin role");
    policy.addGroup(groupId, false);
    try (Response response = permissions.policies().group().create(policy)) {
      // 409: a concurrent call created it between our lookup and our create
      if (response.getStatus() != 201 && response.getStatus() != 409) {
        throw new IllegalStateException(
            "Keycloak refused policy "
                + name
                + ": "
                + response.getStatus()
                + " "
                + response.readEntity(String.class));
      }
    }
    return Objects.requireNonNull(
            permissions.policies().group().findByName(name), "policy " + name + " vanished")
        .getId();
  }

  private static void ensureScopePermission(
      AuthorizationResource permissions,
      String name,
      String resourceType,
      Set<String> resources,
      Set<String> scopes,
      String policyId) {
    ScopePermissionRepresentation permission = new ScopePermissionRepresentation();
    permission.setName(name);
    permission.setResourceType(resourceType);
    permission.setResources(resources);
    permission.setScopes(scopes);
    permission.setPolicies(Set.of(policyId));
    permission.setDecisionStrategy(DecisionStrategy.UNANIMOUS);
    ScopePermissionRepresentation existing = permissions.permissions().scope().findByName(name);
    if (existing != null) {
      // bring it back to this definition, whatever someone changed in the console
      permission.setId(existing.getId());
      permissions.permissions().scope().findById(existing.getId()).update(permission);
      return;
    }
    try (Response response = permissions.permissions().scope().create(permission)) {
      if (response.getStatus() != 201 && response.getStatus() != 409) {
        throw new IllegalStateException(
            "Keycloak refused permission "
                + name
                + ": "
                + response.getStatus()
                + " "
                + response.readEntity(String.class));
      }
    }
  }

  private Optional<GroupRepresentation> group(String path) {
    try {
      return Optional.of(resource().getGroupByPath(path));
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }
}
