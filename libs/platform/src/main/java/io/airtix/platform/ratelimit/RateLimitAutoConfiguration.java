package io.airtix.platform.ratelimit;

import io.lettuce.core.RedisClient;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * A {@link RateLimiter} for every service: buckets in memory by default, in Redis through Spring
 * Boot's Lettuce connection when {@code airtix.redis.enabled} is true. With Redis enabled but the
 * Redis starter missing, no limiter is made and the service fails to start instead of limiting per
 * instance.
 */
@AutoConfiguration(
    afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
@EnableConfigurationProperties(RateLimitSettings.class)
public class RateLimitAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBooleanProperty(
      name = "airtix.redis.enabled",
      havingValue = false,
      matchIfMissing = true)
  RateLimiter inMemoryRateLimiter(ObjectProvider<MeterRegistry> meters) {
    return new RateLimiter(new LocalTokenBuckets(), meters.getIfAvailable());
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnBooleanProperty("airtix.redis.enabled")
  @ConditionalOnClass({LettuceConnectionFactory.class, RedisClient.class})
  static class InRedis {

    @Bean
    @ConditionalOnMissingBean
    RateLimiter redisRateLimiter(
        LettuceConnectionFactory redis,
        RateLimitSettings settings,
        Environment environment,
        ObjectProvider<MeterRegistry> meters) {
      String service = environment.getProperty("spring.application.name", "application");
      // the service's name as hash tag: all its buckets share one slot of a Redis cluster, as one
      // script needs
      TokenBuckets buckets =
          RedisTokenBuckets.of(
              redis::getRequiredNativeClient,
              settings.keyPrefix() + "{" + service + "}:",
              settings.redisTimeout());
      return new RateLimiter(buckets, meters.getIfAvailable());
    }
  }
}
