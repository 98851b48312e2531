package io.airtix.gateway.routing;

import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.uri;
import static org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions.route;
import static org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions.http;
import static org.springframework.web.servlet.function.RequestPredicates.path;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.function.RequestPredicate;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Proxies each service's paths ({@code /api/<service>/**} unless {@link GatewaySettings#paths()} says otherwise) to the
 * service's base URL, the path unchanged. Requests go through as they came,
 * Authorization header included: each service validates the token itself (audience, issuer),
 * so the gateway holds no security decisions of its own.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GatewaySettings.class)
class ServiceRouting {

  @Bean
  RouterFunction<ServerResponse> serviceRoutes(GatewaySettings settings) {
    return settings.prefixesByService().entrySet().stream()
        .map(service -> routeTo(service.getKey(), settings.services().get(service.getKey()), service.getValue()))
        .reduce(RouterFunction::and)
        .orElse(request -> Optional.empty());
  }

  /** {@code /api/tickets/**} matches {@code /api/tickets} too: the pattern's trailing {@code /**} may match nothing. */
  private static RouterFunction<ServerResponse> routeTo(String service, URI baseUrl, List<String> prefixes) {
    RequestPredicate ownedPaths = prefixes.stream()
        .map(prefix -> path(prefix + "/**"))
        .reduce(RequestPredicate::or)
        .orElseThrow();
    return route(service)
        .route(ownedPaths, http())
        .before(uri(baseUrl))
        .build();
  }
}
