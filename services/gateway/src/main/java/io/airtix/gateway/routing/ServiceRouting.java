package io.airtix.gateway.routing;

import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.uri;
import static org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions.route;
import static org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions.http;
import static org.springframework.web.servlet.function.RequestPredicates.path;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Proxies {@code /api/<service>/**} to the service's base URL. Requests go through as they came,
 * Authorization header included: each service validates the token itself (audience, issuer),
 * so the gateway holds no security decisions of its own.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GatewaySettings.class)
class ServiceRouting {

  @Bean
  RouterFunction<ServerResponse> serviceRoutes(GatewaySettings settings) {
    return settings.services().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(service -> routeTo(service.getKey(), service.getValue()))
        .reduce(RouterFunction::and)
        .orElse(request -> Optional.empty());
  }

  private static RouterFunction<ServerResponse> routeTo(String service, URI baseUrl) {
    return route(service)
        .route(path("/api/" + service + "/**"), http())
        .before(uri(baseUrl))
        .build();
  }
}
