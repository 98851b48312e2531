package io.airtix.gateway.edge;

import io.airtix.gateway.storefront.WebAppSettings;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Sets on everything the gateway serves, its own pages and the services' answers alike, the headers
 * that keep a browser from sniffing content types, leaking addresses in referrers and framing the
 * pages; the Content-Security-Policy lets a page load only from its own origin, and the
 * storefront's apps reach Keycloak (and Stripe where it takes the cards) besides.
 */
@Component
class SecurityHeaders implements WebFilter, Ordered {

  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self';"
          + " object-src 'none'";

  /**
   * Swagger UI at {@code /api-docs}: its scripts, styles and initializer come from the gateway like
   * everything else, but its style sheet draws icons from {@code data:} images.
   */
  static final String API_DOCS_POLICY = CONTENT_SECURITY_POLICY + "; img-src 'self' data:";

  private final String webAppPolicy;
  private final WebAppSettings webApps;

  SecurityHeaders(WebAppSettings webApps) {
    this.webApps = webApps;
    this.webAppPolicy = webApps.contentSecurityPolicy(CONTENT_SECURITY_POLICY);
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    exchange
        .getResponse()
        .beforeCommit(
            () -> {
              HttpHeaders headers = exchange.getResponse().getHeaders();
              headers.set("X-Content-Type-Options", "nosniff");
              headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
              headers.set("Content-Security-Policy", policyOf(exchange));
              headers.set("X-Frame-Options", "DENY");
              return Mono.empty();
            });
    return chain.filter(exchange);
  }

  private String policyOf(ServerWebExchange exchange) {
    String path = exchange.getRequest().getPath().value();
    if (path.equals("/api-docs") || path.startsWith("/api-docs/")) {
      return API_DOCS_POLICY;
    }
    return webApps.isWebApp(path) ? webAppPolicy : CONTENT_SECURITY_POLICY;
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
