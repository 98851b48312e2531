package io.airtix.tenants.directory;

import java.util.List;

/**
 * A person of the realm, as much of them as the tenants service shows.
 *
 * @param id Keycloak's user id, the tokens' {@code sub}
 * @param pendingActions what the person must still do at the next login, e.g. {@code VERIFY_EMAIL},
 *     {@code UPDATE_PASSWORD} for someone invited who has not set up the account yet
 */
public record Person(
    String id,
    String username,
    String email,
    String firstName,
    String lastName,
    boolean enabled,
    List<String> pendingActions) {}
