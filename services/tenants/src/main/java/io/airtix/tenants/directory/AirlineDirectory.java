package io.airtix.tenants.directory;

import io.airtix.keycloakclient.AirtixRealm;
import io.airtix.platform.problem.AirlineNotFoundException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.OrganizationsResource;
import org.keycloak.representations.idm.OrganizationDomainRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.springframework.stereotype.Component;

/**
 * Airlines in Keycloak: organizations (alias = tenant id), their role groups {@code
 * /airlines/<alias>/<role>} and the fine-grained admin permissions that scope the admin console to
 * each airline's tenant admins.
 */
@Component
public class AirlineDirectory {

  /**
   * Tenant ids: what {@code POST /api/airlines} accepts and what group paths and token claims can
   * carry.
   */
  public static final String ALIAS = "^[a-z][a-z0-9-]{1,30}$";

  static final String FIRST_TENANT_ADMIN = "airtix.firstTenantAdmin";
  static final String PROVISIONED = "airtix.provisioned";
  private static final Pattern ALIAS_PATTERN = Pattern.compile(ALIAS);

  private final AirtixRealm realm;

  public AirlineDirectory(AirtixRealm realm) {
    this.realm = realm;
  }

  public Optional<Airline> find(String alias) {
    if (alias == null || !ALIAS_PATTERN.matcher(alias).matches()) {
      return Optional.empty();
    }
    // The organizations endpoint searches names and domains, not aliases. Every airline gets the
    // domain <alias>.airtix.test at creation and tenant admins cannot change domains, so an exact
    // domain search finds it in one call; only a realm admin's edit sends us through all
    // organizations.
    Optional<Airline> byDomain =
        organizations()
            .search(alias + AirtixRealm.AIRLINE_DOMAIN_SUFFIX, true, 0, 5, false)
            .stream()
            .filter(organization -> alias.equals(organization.getAlias()))
            .findFirst()
            .map(AirlineDirectory::airline);
    return byDomain.isPresent() ? byDomain : walk(alias);
  }

  private Optional<Airline> walk(String alias) {
    int page = 100;
    for (int first = 0; ; first += page) {
      List<OrganizationRepresentation> organizations = organizations().list(first, page);
      Optional<String> id =
          organizations.stream()
              .filter(organization -> alias.equals(organization.getAlias()))
              .map(OrganizationRepresentation::getId)
              .findFirst();
      if (id.isPresent()) {
        // the list is brief: read the attributes
        return Optional.of(airline(organizations().get(id.get()).toRepresentation()));
      }
      if (organizations.size() < page) {
        return Optional.empty();
      }
    }
  }

  public Airline require(String alias) {
    return find(alias).orElseThrow(() -> new AirlineNotFoundException(alias));
  }

  /** All airlines, by Keycloak's order (name), one page. */
  public List<Airline> list(int first, int max) {
    return organizations().list(first, max).stream().map(AirlineDirectory::airline).toList();
  }

  /**
   * Creates the organization, remembering who the first tenant admin is meant to be so that a
   * repeated request can be told from a conflicting one. When a concurrent request created it
   * first, returns that one.
   */
  public Airline create(String alias, String name, String firstTenantAdmin) {
    OrganizationRepresentation organization = new OrganizationRepresentation();
    organization.setAlias(alias);
    organization.setName(name);
    organization.setEnabled(true);
    organization.setAttributes(Map.of(FIRST_TENANT_ADMIN, List.of(firstTenantAdmin)));
    OrganizationDomainRepresentation domain = new OrganizationDomainRepresentation();
    domain.setName(alias + AirtixRealm.AIRLINE_DOMAIN_SUFFIX);
    organization.addDomain(domain);
    try (Response response = organizations().create(organization)) {
      if (response.getStatus() == 201) {
        organization.setId(CreatedResponseUtil.getCreatedId(response));
        return airline(organization);
      }
      return find(alias)
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

  /**
   * Ensures the role groups and the admin-console permissions of the airline; each step checks
   * before it acts, so calling it again repairs whatever a failed call left out.
   */
  public void ensureGroupsAndConsolePermissions(Airline airline) {
    realm.ensureAirline(airline.alias(), airline.name());
    realm.ensureTenantAdminPermissions(airline.alias());
  }

  /** Marks the airline complete: the last step of creation, so a retry knows whether to resume. */
  public void markProvisioned(Airline airline) {
    OrganizationRepresentation organization =
        organizations().get(airline.organizationId()).toRepresentation();
    organization.singleAttribute(PROVISIONED, "true");
    try (Response response = organizations().get(airline.organizationId()).update(organization)) {
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

  /** Keycloak's id of the group {@code /airlines/<alias>/<role>}. */
  public String roleGroupId(String alias, String role) {
    String path = AirtixRealm.airlineGroupPath(alias, role);
    try {
      return realm.resource().getGroupByPath(path).getId();
    } catch (NotFoundException e) {
      throw new IllegalStateException(
          "group " + path + " is missing: repeat the airline's creation to repair it", e);
    }
  }

  private OrganizationsResource organizations() {
    return realm.resource().organizations();
  }

  private static Airline airline(OrganizationRepresentation organization) {
    Map<String, List<String>> attributes =
        organization.getAttributes() == null ? Map.of() : organization.getAttributes();
    return new Airline(
        organization.getAlias(),
        organization.getName(),
        organization.getId(),
        first(attributes, FIRST_TENANT_ADMIN),
        "true".equals(first(attributes, PROVISIONED)));
  }

  private static String first(Map<String, List<String>> attributes, String name) {
    List<String> values = attributes.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
