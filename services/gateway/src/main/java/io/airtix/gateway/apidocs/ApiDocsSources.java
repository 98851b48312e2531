package io.airtix.gateway.apidocs;

import java.net.URI;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where each service's own OpenAPI description is read: its management port, which only the inside
 * reaches (decision 0031), e.g. {@code
 * airtix.gateway.api-docs.tickets=http://localhost:9081/actuator/openapi}. A service without an
 * entry is left out of the merged description.
 *
 * @param apiDocs description URL per service name
 */
@ConfigurationProperties("airtix.gateway")
public record ApiDocsSources(Map<String, URI> apiDocs) {

  public ApiDocsSources {
    apiDocs = apiDocs == null ? Map.of() : Map.copyOf(apiDocs);
  }
}
