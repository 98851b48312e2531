package io.airtix.tenants.airlines;

import io.airtix.tenants.directory.AirlineDirectory;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/airlines}.
 *
 * @param alias the tenant id, part of group paths and token claims, hence lower case and short
 * @param firstTenantAdminEmail who administers the airline first; an existing account is appointed,
 *     otherwise one is created and invited
 */
record CreateAirlineRequest(
    @NotNull
        @Pattern(
            regexp = AirlineDirectory.ALIAS,
            message =
                "must start with a letter and have 2 to 31 lower-case letters, digits or hyphens")
        String alias,
    @NotBlank @Size(max = 100) String name,
    @NotBlank @Email @Size(max = 254) String firstTenantAdminEmail) {}
