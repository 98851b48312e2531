package io.airtix.platform.ratelimit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the buckets of rate limits are kept when they are in Redis. The limits themselves belong to
 * the service that applies them (e.g. {@code airtix.orders.rate-limits}).
 *
 * @param keyPrefix Redis keys are this prefix, the service's name in braces (a cluster's hash tag)
 *     and a colon, then the bucket's key
 * @param redisTimeout how long a request waits for Redis before it is admitted unchecked
 */
@ConfigurationProperties("airtix.rate-limits")
public record RateLimitSettings(
    @DefaultValue("airtix:rate-limit:") String keyPrefix,
    @DefaultValue("500ms") Duration redisTimeout) {}
