package io.airtix.platform.authorization;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the casbin model and policy come from, as Spring resource locations. The defaults are the
 * copies of the repository's {@code policies/} folder packed into the platform jar; point these at
 * files (e.g. {@code file:/etc/airtix/policy.csv}) to change rights without changing code.
 */
@ConfigurationProperties("airtix.policies")
public record PolicySettings(
    @DefaultValue("classpath:policies/model.conf") String model,
    @DefaultValue("classpath:policies/policy.csv") String policy) {}
