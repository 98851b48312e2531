package io.airtix.tenants.airlines;

import io.airtix.platform.authorization.AccessPolicy;
import io.airtix.platform.problem.AirlineNotFoundException;
import io.airtix.platform.security.AirtixPrincipal;
import io.airtix.tenants.directory.Airline;
import io.airtix.tenants.directory.AirlineDirectory;
import io.airtix.tenants.directory.AirlineLocks;
import io.airtix.tenants.directory.Invitations;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Creating airlines and looking them up. Creation is a sequence of Keycloak admin calls with no
 * transaction around them, so every step is an "ensure" and the last one marks the airline
 * complete: a request that failed half-way is finished by repeating it (decision 0008).
 */
@Service
class Airlines {

  static final String RESOURCE = "airlines";
  private static final String TENANT_ADMIN = "tenant-admin";

  private final AirlineDirectory directory;
  private final Invitations invitations;
  private final AirlineLocks locks;
  private final AccessPolicy access;

  Airlines(
      AirlineDirectory directory,
      Invitations invitations,
      AirlineLocks locks,
      AccessPolicy access) {
    this.directory = directory;
    this.invitations = invitations;
    this.locks = locks;
    this.access = access;
  }

  /**
   * The airline, and whether this call finished creating it (201) or found it complete already
   * (200).
   */
  record Created(AirlineResponse airline, boolean created) {}

  Created create(AirtixPrincipal caller, CreateAirlineRequest request) {
    access.require(caller, "create", RESOURCE, AccessPolicy.ANY_AIRLINE);
    return locks.withLock(
        request.alias(),
        () -> {
          Airline airline =
              directory
                  .find(request.alias())
                  .orElseGet(
                      () ->
                          directory.create(
                              request.alias(), request.name(), request.firstTenantAdminEmail()));
          if (!sameRequest(airline, request)) {
            throw new AirlineConflictException(request.alias());
          }
          // groups and permissions are ensured on every repetition: cheap, and it repairs what
          // someone removed
          directory.ensureGroupsAndConsolePermissions(airline);
          if (airline.provisioned()) {
            return new Created(AirlineResponse.from(airline), false);
          }
          // only until the airline is complete: later, its tenant admins own its staff, and a
          // repeated request must not bring back a first tenant admin they removed. Like everyone,
          // the first tenant admin joins by accepting the invitation (decision 0024).
          invitations.invite(airline, request.firstTenantAdminEmail(), Set.of(TENANT_ADMIN));
          directory.markProvisioned(airline);
          return new Created(AirlineResponse.from(airline), true);
        });
  }

  AirlineResponse find(AirtixPrincipal caller, String alias) {
    access.requireOnObject(
        caller, "read", RESOURCE, alias, () -> new AirlineNotFoundException(alias));
    return AirlineResponse.from(directory.require(alias));
  }

  /**
   * Platform admins see every airline; staff see the airlines they work for; anyone else an empty
   * list.
   */
  AirlinePage list(AirtixPrincipal caller, int page, int size) {
    if (access.allows(caller, "read", RESOURCE, AccessPolicy.ANY_AIRLINE)) {
      List<AirlineResponse> items =
          directory.list(page * size, size).stream().map(AirlineResponse::from).toList();
      return new AirlinePage(items, page, size);
    }
    List<AirlineResponse> own =
        access.airlinesAllowing(caller, "read", RESOURCE).stream()
            .sorted()
            .map(directory::find)
            .flatMap(Optional::stream)
            .map(AirlineResponse::from)
            .toList();
    return new AirlinePage(own.stream().skip((long) page * size).limit(size).toList(), page, size);
  }

  private static boolean sameRequest(Airline airline, CreateAirlineRequest request) {
    return airline.name().equals(request.name())
        && request
            .firstTenantAdminEmail()
            .equalsIgnoreCase(String.valueOf(airline.firstTenantAdmin()));
  }
}
