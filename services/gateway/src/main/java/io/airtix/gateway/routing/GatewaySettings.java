package io.airtix.gateway.routing;

import java.net.URI;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where each service lives. Every entry opens {@code /api/<name>/**} on the gateway, so a new
 * service is routed by adding one line of configuration, e.g.
 * {@code airtix.gateway.services.orders=http://localhost:8082}.
 */
@ConfigurationProperties("airtix.gateway")
public record GatewaySettings(Map<String, URI> services) {

  public GatewaySettings {
    services = services == null ? Map.of() : Map.copyOf(services);
  }
}
