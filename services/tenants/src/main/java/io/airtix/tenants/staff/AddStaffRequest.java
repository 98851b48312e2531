package io.airtix.tenants.staff;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;

/**
 * Body of {@code POST /api/airlines/{alias}/staff}: who (an existing account is added, an unknown
 * address is invited) and with which tenant roles.
 */
record AddStaffRequest(
    @NotBlank @Email @Size(max = 254) String email,
    @NotEmpty
        Set<
                @NotNull
                @Pattern(regexp = StaffConstraints.ROLE, message = StaffConstraints.ROLE_MESSAGE)
                String>
            roles) {}
