package io.airtix.tenants.directory;

import java.time.Instant;
import java.util.List;

/** One of a person's Keycloak sessions (a browser or app login). */
public record LoginSession(
    String id, String ipAddress, Instant started, Instant lastAccess, List<String> clients) {}
