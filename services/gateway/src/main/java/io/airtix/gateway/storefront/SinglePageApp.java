package io.airtix.gateway.storefront;

import org.springframework.core.io.Resource;
import org.springframework.web.reactive.resource.PathResourceResolver;
import reactor.core.publisher.Mono;

/**
 * An app's files, and its {@code index.html} for every address that names no file: the app's own
 * routes ({@code /react/tickets/…}, the sign-in callback), which the browser may load directly. An
 * address that looks like a file ({@code …/missing.js}) stays a 404, so a stale asset is never
 * answered with a page.
 */
final class SinglePageApp extends PathResourceResolver {

  static final String INDEX = "index.html";

  @Override
  protected Mono<Resource> getResource(String resourcePath, Resource location) {
    return super.getResource(resourcePath, location)
        .switchIfEmpty(
            Mono.defer(
                () ->
                    isRoute(resourcePath)
                        ? super.getResource(INDEX, location)
                        : Mono.<Resource>empty()));
  }

  private static boolean isRoute(String resourcePath) {
    String lastSegment = resourcePath.substring(resourcePath.lastIndexOf('/') + 1);
    return !lastSegment.contains(".");
  }
}
