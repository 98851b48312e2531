package io.airtix.gateway.edge;

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
 * pages; the Content-Security-Policy lets a page load only from its own origin (the web apps tune
 * it when they arrive).
 */
@Component
class SecurityHeaders implements WebFilter, Ordered {

  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self';"
          + " object-src 'none'";

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    exchange
        .getResponse()
        .beforeCommit(
            () -> {
              HttpHeaders headers = exchange.getResponse().getHeaders();
              headers.set("X-Content-Type-Options", "nosniff");
              headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
              headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
              headers.set("X-Frame-Options", "DENY");
              return Mono.empty();
            });
    return chain.filter(exchange);
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
