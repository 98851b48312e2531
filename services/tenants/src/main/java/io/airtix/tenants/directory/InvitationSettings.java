package io.airtix.tenants.directory;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Invitations of people who have no account yet.
 *
 * @param linkLifespan how long the link in the set-up e-mail (verify e-mail, choose a password) stays valid
 */
@ConfigurationProperties("airtix.tenants.invitations")
public record InvitationSettings(@DefaultValue("72h") Duration linkLifespan) {
}
