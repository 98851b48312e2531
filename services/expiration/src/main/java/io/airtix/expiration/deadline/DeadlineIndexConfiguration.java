package io.airtix.expiration.deadline;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * A Redis sorted set when {@code airtix.redis.enabled} (the distributed mode), memory otherwise.
 */
@Configuration(proxyBeanMethods = false)
class DeadlineIndexConfiguration {

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
