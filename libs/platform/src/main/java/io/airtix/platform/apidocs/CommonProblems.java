package io.airtix.platform.apidocs;

import io.airtix.platform.security.PublicEndpoints;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The problems every operation may answer, by what it is: any of them a 400 for bad input; one that
 * needs a token 401, 403, and 503 while tokens cannot be checked; one with an id in its path 404;
 * one with a body 413 and 415. And the bearer token every operation but the public ones needs.
 */
final class CommonProblems implements OpenApiCustomizer {

  private static final String BEARER = "bearer";

  private final List<PublicEndpoints.Endpoint> open;

  CommonProblems(List<PublicEndpoints.Endpoint> open) {
    this.open = open;
  }

  @Override
  public void customise(OpenAPI openApi) {
    Components components =
        openApi.getComponents() != null ? openApi.getComponents() : new Components();
    openApi.setComponents(components);
    ProblemSchema.addTo(components);
    components.addSecuritySchemes(
        BEARER,
        new SecurityScheme()
            .type(SecurityScheme.Type.HTTP)
            .scheme("bearer")
            .bearerFormat("JWT")
            .description("An access token of Airtix's Keycloak realm."));
    if (openApi.getPaths() == null) {
      return;
    }
    openApi
        .getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .forEach((method, operation) -> complete(path, method, operation)));
  }

  private void complete(String path, PathItem.HttpMethod method, Operation operation) {
    ApiResponses responses = operation.getResponses();
    boolean needsToken = !isPublic(HttpMethod.valueOf(method.name()), path);
    addUnlessDeclared(
        responses, 400, "The request is malformed, or a field or parameter is invalid.");
    if (needsToken) {
      operation.setSecurity(List.of(new SecurityRequirement().addList(BEARER)));
      addUnlessDeclared(responses, 401, "No valid access token.");
      addUnlessDeclared(responses, 403, "The caller's roles or airline do not allow it.");
      addUnlessDeclared(
          responses, 503, "Tokens cannot be checked right now; try again (Retry-After).");
    }
    if (path.contains("{")) {
      addUnlessDeclared(responses, 404, "Nothing with that id, or nothing the caller may see.");
    }
    if (operation.getRequestBody() != null) {
      addUnlessDeclared(responses, 413, "The body is larger than the service accepts.");
      addUnlessDeclared(responses, 415, "The body is not JSON (Content-Type).");
    }
  }

  private boolean isPublic(HttpMethod method, String path) {
    PathContainer container = PathContainer.parsePath(path);
    return open.stream()
        .anyMatch(
            endpoint ->
                (endpoint.method() == null || endpoint.method().equals(method))
                    && PathPatternParser.defaultInstance
                        .parse(endpoint.pattern())
                        .matches(container));
  }

  private static void addUnlessDeclared(ApiResponses responses, int status, String description) {
    responses.putIfAbsent(String.valueOf(status), ProblemSchema.response(description));
  }
}
