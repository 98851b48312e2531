package io.airtix.platform.config;

import java.util.LinkedHashMap;
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
                        new MapPropertySource(PROPERTY_SOURCE_NAME, defaults(service.value()))));
  }

  private static Map<String, Object> defaults(String service) {
    Map<String, Object> defaults = new LinkedHashMap<>();
    defaults.put("spring.config.name", service);
    defaults.put("spring.application.name", service);
    // behind the gateway: its X-Forwarded-* headers, trusted from internal addresses only
    // (Tomcat's RemoteIpValve), make the addresses a service writes (WWW-Authenticate, Location)
    // the public ones
    defaults.put("server.forward-headers-strategy", "native");
    // the API description tells what the API does (decision 0030): its operations only, JSON in
    // and out, no generic responses guessed from exception handlers, OpenAPI 3.0 which every
    // client generator and validator reads
    // buckets of the request timer, so Prometheus can tell a p99 (infra/observability's alert
    // rules)
    defaults.put(
        "management.metrics.distribution.percentiles-histogram.http.server.requests", "true");
    defaults.put(
        "management.metrics.distribution.minimum-expected-value.http.server.requests", "5ms");
    defaults.put(
        "management.metrics.distribution.maximum-expected-value.http.server.requests", "10s");
    defaults.put("springdoc.paths-to-match", "/api/**");
    defaults.put("springdoc.default-consumes-media-type", "application/json");
    defaults.put("springdoc.default-produces-media-type", "application/json");
    defaults.put("springdoc.override-with-generic-response", "false");
    defaults.put("springdoc.api-docs.version", "openapi_3_0");
    return defaults;
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
