package io.airtix.launcher.demo;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Set;

/**
 * The tenants service's API as the demo uses it: the platform admin creates the airlines, each
 * airline's tenant admin invites its staff. Both calls may be repeated: the service answers 200 and
 * changes nothing when the airline or the staff member is there already as asked, and invites again
 * whoever has not accepted yet.
 */
final class TenantsApi {

  /** What a call found. */
  enum Outcome {
    /** made by this call (201) */
    CREATED,
    /** an invitation sent, which the person accepts to become staff (202) */
    INVITED,
    /** there already, as asked (200) */
    PRESENT,
    /**
     * there already, but otherwise than asked (409), e.g. a staff member whose roles someone
     * changed since
     */
    DIFFERENT
  }

  private final URI airlines;
  private final ServiceCalls calls = new ServiceCalls();

  TenantsApi(URI serviceBaseUrl) {
    this.airlines = serviceBaseUrl.resolve("/api/airlines");
  }

  /** As a platform admin; Keycloak mails the first tenant admin an invitation to accept. */
  Outcome createAirline(
      String alias, String name, String firstTenantAdminEmail, String platformAdminToken) {
    HttpResponse<String> response =
        calls.post(
            airlines, new CreateAirline(alias, name, firstTenantAdminEmail), platformAdminToken);
    return outcome("POST " + airlines + " for " + alias, response);
  }

  /** As a tenant admin of the airline; Keycloak mails the person an invitation to accept. */
  Outcome addStaff(String airline, String email, Set<String> roles, String tenantAdminToken) {
    URI staff = URI.create(airlines + "/" + airline + "/staff");
    HttpResponse<String> response = calls.post(staff, new AddStaff(email, roles), tenantAdminToken);
    return outcome("POST " + staff + " for " + email, response);
  }

  private static Outcome outcome(String call, HttpResponse<String> response) {
    return switch (response.statusCode()) {
      case 201 -> Outcome.CREATED;
      case 202 -> Outcome.INVITED;
      case 200 -> Outcome.PRESENT;
      case 409 -> Outcome.DIFFERENT;
      default -> throw ServiceCalls.unexpected(call, response);
    };
  }

  record CreateAirline(String alias, String name, String firstTenantAdminEmail) {}

  record AddStaff(String email, Set<String> roles) {}
}
