package io.airtix.gateway.routing;

import io.airtix.gateway.routing.GatewaySettings.OwnedPath;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Proxies each service's paths ({@code /api/<service>/**} unless {@link GatewaySettings#paths()}
 * says otherwise) to the service's base URL, the path unchanged. Routes are tried by their order,
 * so each gets its place in {@link GatewaySettings#pathsMostSpecificFirst()}: the orders service's
 * <code>/api/airlines/*&#47;orders</code> is matched before the tenants service's {@code
 * /api/airlines}. Requests go through as they came, Authorization header included: each service
 * validates the token itself (audience, issuer), so the gateway holds no security decisions of its
 * own.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GatewaySettings.class)
class ServiceRouting {

  @Bean
  RouteLocator serviceRoutes(RouteLocatorBuilder routes, GatewaySettings settings) {
    RouteLocatorBuilder.Builder builder = routes.routes();
    List<OwnedPath> paths = settings.pathsMostSpecificFirst();
    for (int order = 0; order < paths.size(); order++) {
      OwnedPath owned = paths.get(order);
      int place = order;
      builder.route(
          owned.service() + " " + owned.prefix(),
          route ->
              route
                  .order(place)
                  .path(owned.prefix(), owned.prefix() + "/**")
                  .uri(settings.services().get(owned.service())));
    }
    return builder.build();
  }
}
