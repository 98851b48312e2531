package io.airtix.tickets.config;

import io.airtix.platform.security.PublicEndpoints;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class TicketsConfiguration {

  /** Browsing the catalogue needs no account; every change does. */
  @Bean
  PublicEndpoints ticketsPublicEndpoints() {
    return PublicEndpoints.of("GET /api/tickets", "GET /api/tickets/**");
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
