package io.airtix.launcher.services;

import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Keeps each service's auto-configuration to what its own class path would give it. The launcher
 * puts every service on one class path, so without this the gateway would look for a database and
 * lock itself behind Spring Security (both brought by the tickets service), and the services would
 * carry the gateway's proxy filters. The launcher tells each application which packages are foreign
 * to it through {@value #PROPERTY}.
 */
public class SharedClassPathFilter implements AutoConfigurationImportFilter, EnvironmentAware {

  static final String PROPERTY = "airtix.launcher.foreign-auto-configuration";

  private List<String> foreignPackages = List.of();

  @Override
  public void setEnvironment(Environment environment) {
    foreignPackages = List.of(environment.getProperty(PROPERTY, String[].class, new String[0]));
  }

  @Override
  public boolean[] match(
      String[] autoConfigurationClasses, AutoConfigurationMetadata autoConfigurationMetadata) {
    boolean[] matches = new boolean[autoConfigurationClasses.length];
    for (int i = 0; i < autoConfigurationClasses.length; i++) {
      String candidate = autoConfigurationClasses[i];
      matches[i] = candidate == null || foreignPackages.stream().noneMatch(candidate::startsWith);
    }
    return matches;
  }
}
