package io.airtix.platform.retention;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code airtix.retention.*}: how often the service purges what it keeps for a while only ({@code
 * airtix.retention.enabled=false} keeps everything).
 *
 * @param interval between two purges; the first comes one interval after the start
 */
@ConfigurationProperties("airtix.retention")
public record RetentionSettings(@DefaultValue("1h") Duration interval) {}
