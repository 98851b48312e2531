package io.airtix.platform.config;

import java.util.Map;
import java.util.Objects;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points configuration loading at the service's own file before Spring Boot reads any, so that
 * {@code tickets.yaml} configures the tickets service whether it runs alone, in a test or beside
 * the other services in the launcher. Explicit settings still win: this source comes last.
 */
public class AirtixServiceEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

  public static final String PROPERTY_SOURCE_NAME = "airtixService";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    application.getAllSources().stream()
        .filter(Class.class::isInstance)
        .map(
            source ->
                AnnotatedElementUtils.findMergedAnnotation((Class<?>) source, AirtixService.class))
        .filter(Objects::nonNull)
        .findFirst()
        .ifPresent(
            service ->
                environment
                    .getPropertySources()
                    .addLast(
                        new MapPropertySource(
                            PROPERTY_SOURCE_NAME,
                            Map.of(
                                "spring.config.name",
                                service.value(),
                                "spring.application.name",
                                service.value(),
                                // behind the gateway: its X-Forwarded-* headers, trusted from
                                // internal addresses only (Tomcat's RemoteIpValve), make the
                                // addresses a service writes (WWW-Authenticate, Location) the
                                // public ones
                                "server.forward-headers-strategy",
                                "native"))));
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
