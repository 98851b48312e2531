package io.airtix.live.config;

import jakarta.validation.constraints.Positive;
import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The live service's limits and timings.
 *
 * @param maxConnections connections one instance holds at most; more are answered 503
 * @param connectionBuffer messages queued for one client at most; a client that lets more pile up
 *     is dropped ({@code too-slow}) rather than slowing anyone else
 * @param replay how long the journal keeps messages for clients that come back
 * @param replayLimit how many messages the journal keeps at most
 * @param holdReminder how long before a hold ends its customer is told
 * @param heartbeat how often a quiet connection gets a sign of life
 * @param tickets the tickets service, whose public catalogue describes a ticket the service has not
 *     seen an event of
 * @param passKey the AES-256 key that seals passes, Base64; every instance behind one gateway needs
 *     the same. Unset: a key of this process alone, fine for one instance (standalone)
 */
@Validated
@ConfigurationProperties("airtix.live")
public record LiveSettings(
    @DefaultValue("20000") @Positive int maxConnections,
    @DefaultValue("512") @Positive int connectionBuffer,
    @DefaultValue("5m") Duration replay,
    @DefaultValue("100000") @Positive int replayLimit,
    @DefaultValue("2m") Duration holdReminder,
    @DefaultValue("25s") Duration heartbeat,
    @DefaultValue("http://localhost:8081") URI tickets,
    @Nullable String passKey) {}
