package io.airtix.platform.retention;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** Purges what each service keeps for a while only, by its {@link Purge} beans. */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "airtix.retention.enabled", matchIfMissing = true)
@EnableConfigurationProperties(RetentionSettings.class)
public class RetentionAutoConfiguration {

  @Bean
  Purges airtixPurges(
      ObjectProvider<Purge> purges, RetentionSettings settings, ObjectProvider<Clock> clock) {
    return new Purges(
        purges.orderedStream().toList(), settings, clock.getIfUnique(Clock::systemUTC));
  }
}
