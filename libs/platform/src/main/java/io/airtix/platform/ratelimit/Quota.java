package io.airtix.platform.ratelimit;

import java.util.Objects;

/**
 * One bucket a request draws from.
 *
 * @param name the limit as clients see it in a refusal, e.g. {@code per-user}
 * @param key the bucket within the service, e.g. {@code reservations:user:<id>}; the platform
 *     prefixes it
 * @param limit the bucket's size and refill
 */
public record Quota(String name, String key, RateLimit limit) {

  public Quota {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(limit, "limit");
  }
}
