package io.airtix.tenants.directory;

import java.time.Instant;
import java.util.Set;

/**
 * An invitation to join an airline as staff, sent by Keycloak to an address, with or without an
 * account; its link is never shown here: it belongs to the person invited.
 *
 * @param id Keycloak's id of the invitation
 * @param roles the tenant roles the person gets on joining
 * @param status Keycloak's status: {@code PENDING} or {@code EXPIRED}
 */
public record Invitation(
    String id, String email, Set<String> roles, String status, Instant sentAt, Instant expiresAt) {}
