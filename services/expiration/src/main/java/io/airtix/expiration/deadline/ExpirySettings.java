package io.airtix.expiration.deadline;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How deadlines are watched.
 *
 * @param pollInterval the longest the watch sleeps without looking at the index; a new earliest
 *     deadline of this instance wakes it at once, one added by another instance (Redis) is seen
 *     within this interval
 * @param sweepInterval how often the database is asked for passed deadlines directly, should the
 *     index have lost some (a Redis without persistence that restarted, a failed write to it)
 * @param batchSize deadlines fired per round trip to the index or the database
 * @param redisKey the sorted set that indexes deadlines when {@code airtix.redis.enabled}
 * @param paymentWindow how long after its hold an order whose payment started may still be paid;
 *     then it is cancelled whatever its payment does (decision 0025)
 * @param retention how long a deadline that will never fire again (closed, or dropped because its
 *     order ended first) is kept
 */
@Validated
@ConfigurationProperties("airtix.expiration")
public record ExpirySettings(
    @NotNull @DefaultValue("1s") Duration pollInterval,
    @NotNull @DefaultValue("30s") Duration sweepInterval,
    @Positive @DefaultValue("100") int batchSize,
    @NotBlank @DefaultValue("airtix:expiration:deadlines") String redisKey,
    @NotNull @DefaultValue("10m") Duration paymentWindow,
    @NotNull @DefaultValue("30d") Duration retention) {}
