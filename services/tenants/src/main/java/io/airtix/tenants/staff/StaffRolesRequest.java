package io.airtix.tenants.staff;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.Set;

/**
 * Body of {@code PUT /api/airlines/{alias}/staff/{userId}/roles}: the complete set of the member's
 * tenant roles in the airline. At least one: a member without any role is removed with {@code
 * DELETE} instead.
 */
record StaffRolesRequest(
    @NotEmpty
        Set<
                @NotNull
                @Pattern(regexp = StaffConstraints.ROLE, message = StaffConstraints.ROLE_MESSAGE)
                String>
            roles) {}
