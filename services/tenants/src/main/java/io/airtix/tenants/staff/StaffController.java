package io.airtix.tenants.staff;

import io.airtix.platform.apidocs.ProblemResponse;
import io.airtix.platform.security.AirtixPrincipal;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping("/api/airlines/{alias}/staff")
class StaffController {

  private final Staff staff;

  StaffController(Staff staff) {
    this.staff = staff;
  }

  @GetMapping
  StaffPage list(
      AirtixPrincipal caller,
      @PathVariable String alias,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
    return staff.list(caller, alias, page, size);
  }

  @GetMapping("/{userId}")
  StaffMember find(
      AirtixPrincipal caller, @PathVariable String alias, @PathVariable String userId) {
    return staff.find(caller, alias, userId);
  }

  /**
   * 202 with the invitation Keycloak mailed (the roles apply once the person accepts it), or 200
   * when the person is staff already with exactly these roles.
   */
  @PostMapping
  @ApiResponse(
      responseCode = "202",
      description = "The person was invited; Location names the invitation.",
      content = @Content(schema = @Schema(implementation = StaffInvitation.class)))
  @ApiResponse(
      responseCode = "200",
      description = "The person is staff already, with exactly these roles.",
      content = @Content(schema = @Schema(implementation = StaffMember.class)))
  @ProblemResponse(status = 409, description = "The person is staff already, with other roles.")
  @ProblemResponse(
      status = 503,
      description = "Tokens cannot be checked, or Keycloak or its mail does not answer; retry.")
  ResponseEntity<Object> add(
      AirtixPrincipal caller,
      @PathVariable String alias,
      @Valid @RequestBody AddStaffRequest request) {
    Staff.Addition result = staff.add(caller, alias, request);
    if (result instanceof Staff.AlreadyStaff already) {
      return ResponseEntity.ok(already.member());
    }
    StaffInvitation invitation = ((Staff.Invited) result).invitation();
    URI location =
        ServletUriComponentsBuilder.fromCurrentRequestUri()
            .path("/invitations/{id}")
            .buildAndExpand(invitation.id())
            .toUri();
    return ResponseEntity.accepted().location(location).body(invitation);
  }

  @GetMapping("/invitations")
  List<StaffInvitation> invitations(AirtixPrincipal caller, @PathVariable String alias) {
    return staff.invitations(caller, alias);
  }

  @DeleteMapping("/invitations/{invitationId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void revokeInvitation(
      AirtixPrincipal caller, @PathVariable String alias, @PathVariable String invitationId) {
    staff.revokeInvitation(caller, alias, invitationId);
  }

  @PutMapping("/{userId}/roles")
  @ProblemResponse(status = 409, description = "It would leave the airline without tenant admin.")
  StaffMember replaceRoles(
      AirtixPrincipal caller,
      @PathVariable String alias,
      @PathVariable String userId,
      @Valid @RequestBody StaffRolesRequest request) {
    return staff.replaceRoles(caller, alias, userId, request);
  }

  @PostMapping("/{userId}/suspend")
  @ProblemResponse(status = 409, description = "It would leave the airline without tenant admin.")
  StaffMember suspend(
      AirtixPrincipal caller, @PathVariable String alias, @PathVariable String userId) {
    return staff.suspend(caller, alias, userId);
  }

  @PostMapping("/{userId}/disable")
  @ProblemResponse(status = 409, description = "It would leave the airline without tenant admin.")
  StaffMember disable(
      AirtixPrincipal caller, @PathVariable String alias, @PathVariable String userId) {
    return staff.setEnabled(caller, alias, userId, false);
  }

  @PostMapping("/{userId}/enable")
  StaffMember enable(
      AirtixPrincipal caller, @PathVariable String alias, @PathVariable String userId) {
    return staff.setEnabled(caller, alias, userId, true);
  }

  @GetMapping("/{userId}/sessions")
  List<StaffSession> sessions(
      AirtixPrincipal caller, @PathVariable String alias, @PathVariable String userId) {
    return staff.sessions(caller, alias, userId);
  }

  @DeleteMapping("/{userId}/sessions")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void endSessions(
      AirtixPrincipal caller, @PathVariable String alias, @PathVariable String userId) {
    staff.endSessions(caller, alias, userId);
  }

  @DeleteMapping("/{userId}/sessions/{sessionId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void endSession(
      AirtixPrincipal caller,
      @PathVariable String alias,
      @PathVariable String userId,
      @PathVariable String sessionId) {
    staff.endSession(caller, alias, userId, sessionId);
  }

  @DeleteMapping("/{userId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @ProblemResponse(status = 409, description = "It would leave the airline without tenant admin.")
  void remove(AirtixPrincipal caller, @PathVariable String alias, @PathVariable String userId) {
    staff.remove(caller, alias, userId);
  }
}
