package io.airtix.gateway.apidocs;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.node.ObjectNode;

/**
 * The services' APIs described in one place (decision 0031): {@code /api-docs/openapi.json}, the
 * merged description whose server is the gateway's address as the caller reached it, and {@code
 * /api-docs}, Swagger UI showing it. Swagger UI's own files come from its webjar under {@code
 * /webjars/swagger-ui/}; its initializer is a file ({@code /api-docs/swagger-initializer.js}), as
 * the page's Content-Security-Policy allows no inline script.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiDocsSources.class)
class ApiDocsRoutes {

  private static final String PAGE = "/api-docs";

  private static final Resource SWAGGER_UI =
      new ClassPathResource("gateway/static/api-docs/index.html");

  @Bean
  RouterFunction<ServerResponse> apiDocs(ServiceDescriptions descriptions) {
    return RouterFunctions.route()
        .GET(
            PAGE,
            request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(SWAGGER_UI))
        .GET(
            PAGE + "/openapi.json",
            request ->
                descriptions
                    .merged()
                    .flatMap(
                        merged ->
                            ServerResponse.ok()
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(servedFrom(merged, request))))
        .build();
  }

  private static ObjectNode servedFrom(ObjectNode merged, ServerRequest request) {
    ObjectNode copy = merged.deepCopy();
    String gateway =
        UriComponentsBuilder.fromUri(request.uri())
            .replacePath(null)
            .replaceQuery(null)
            .fragment(null)
            .build()
            .toUriString();
    copy.putArray("servers").addObject().put("url", gateway);
    return copy;
  }
}
