package io.airtix.gateway.routing;

import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.uri;
import static org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions.route;
import static org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions.http;
import static org.springframework.web.servlet.function.RequestPredicates.path;

import io.airtix.gateway.routing.GatewaySettings.OwnedPath;
import java.net.URI;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Proxies each service's paths ({@code /api/<service>/**} unless {@link GatewaySettings#paths()}
 * says otherwise) to the service's base URL, the path unchanged. A router function tries its routes
 * in the order they were joined, so the routes are joined most specific prefix first ({@link
 * GatewaySettings#pathsMostSpecificFirst()}): the orders service's <code>/api/airlines/*&#47;orders
 * </code> is matched before the tenants service's {@code /api/airlines}. Requests go through as
 * they came, Authorization header included: each service validates the token itself (audience,
 * issuer), so the gateway holds no security decisions of its own.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GatewaySettings.class)
class ServiceRouting {

  @Bean
  RouterFunction<ServerResponse> serviceRoutes(GatewaySettings settings) {
    return settings.pathsMostSpecificFirst().stream()
        .map(owned -> routeTo(owned, settings.services().get(owned.service())))
        .reduce(RouterFunction::and)
        .orElse(request -> Optional.empty());
  }

  /**
   * {@code /api/tickets/**} matches {@code /api/tickets} too: the pattern's trailing {@code /**}
   * may match nothing.
   */
  private static RouterFunction<ServerResponse> routeTo(OwnedPath owned, URI baseUrl) {
    return route(owned.service() + " " + owned.prefix())
        .route(path(owned.prefix() + "/**"), http())
        .before(uri(baseUrl))
        .build();
  }
}
