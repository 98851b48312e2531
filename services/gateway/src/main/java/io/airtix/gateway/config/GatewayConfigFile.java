package io.airtix.gateway.config;

import io.airtix.gateway.GatewayApplication;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Names the gateway's configuration file {@code gateway.yaml} rather than {@code application.yaml}:
 * in the standalone launcher the gateway shares one class path with the services, and none of them
 * may claim the default file. For the same reason it makes the gateway a reactive application
 * (decision 0026). Acts only for the gateway's own application; explicit settings win because this
 * source comes last.
 */
public class GatewayConfigFile implements EnvironmentPostProcessor, Ordered {

  static final String NAME = "gateway";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    if (application.getAllSources().contains(GatewayApplication.class)) {
      environment
          .getPropertySources()
          .addLast(
              new MapPropertySource(
                  "airtixGateway",
                  Map.of(
                      "spring.config.name",
                      NAME,
                      "spring.application.name",
                      NAME,
                      // a reactive application even beside the servlet services of the launcher,
                      // whose class path would make it a servlet one
                      "spring.main.web-application-type",
                      "reactive")));
    }
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
