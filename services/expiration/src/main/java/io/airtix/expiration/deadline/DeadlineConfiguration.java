package io.airtix.expiration.deadline;

import io.airtix.platform.retention.Purge;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The deadlines' index, a Redis sorted set when {@code airtix.redis.enabled} (the distributed
 * mode), memory otherwise; and how long deadlines that will never fire again are kept.
 */
@Configuration(proxyBeanMethods = false)
class DeadlineConfiguration {

  @Bean
  Purge settledDeadlines(Deadlines deadlines, ExpirySettings settings) {
    return new Purge("settled deadlines", settings.retention(), deadlines::purgeSettledBefore);
  }

  @Bean
  @ConditionalOnBooleanProperty("airtix.redis.enabled")
  DeadlineIndex redisDeadlineIndex(StringRedisTemplate redis, ExpirySettings settings) {
    return new RedisDeadlineIndex(redis, settings.redisKey());
  }

  @Bean
  @ConditionalOnBooleanProperty(
      name = "airtix.redis.enabled",
      havingValue = false,
      matchIfMissing = true)
  DeadlineIndex inMemoryDeadlineIndex() {
    return new InMemoryDeadlineIndex();
  }
}
