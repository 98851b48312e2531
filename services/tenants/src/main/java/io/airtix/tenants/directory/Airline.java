package io.airtix.tenants.directory;

/**
 * An airline as Keycloak holds it: an organization whose alias is the tenant id.
 *
 * @param alias the tenant id, e.g. {@code aerolux}
 * @param organizationId Keycloak's id of the organization
 * @param firstTenantAdmin the e-mail address the airline was created with; null in lists
 *     (Keycloak's brief representation carries no attributes)
 * @param provisioned whether every creation step finished (groups, console permissions, first
 *     tenant admin)
 */
public record Airline(
    String alias,
    String name,
    String organizationId,
    String firstTenantAdmin,
    boolean provisioned) {}
