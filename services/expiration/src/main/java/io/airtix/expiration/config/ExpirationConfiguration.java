package io.airtix.expiration.config;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The expiration service answers no API of its own: its only HTTP surface is the actuator. */
@Configuration(proxyBeanMethods = false)
public class ExpirationConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
