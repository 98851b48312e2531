package io.airtix.orders.config;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every endpoint of the orders service needs a token: orders are personal or an airline's business.
 */
@Configuration(proxyBeanMethods = false)
public class OrdersConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
