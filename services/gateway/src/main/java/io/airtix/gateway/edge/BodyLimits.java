package io.airtix.gateway.edge;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Passes on no request body past its limit ({@link BodyLimitSettings}): a declared length over it
 * is answered 413 before a byte is read; a body without a declared length (chunked) is read up to
 * the limit before it is passed on, with its length then declared, and answered 413 as soon as it
 * passes the limit.
 */
@Component
@EnableConfigurationProperties(BodyLimitSettings.class)
class BodyLimits implements WebFilter, Ordered {

  private final BodyLimitSettings settings;

  BodyLimits(BodyLimitSettings settings) {
    this.settings = settings;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    ServerHttpRequest request = exchange.getRequest();
    long limit = settings.limitFor(request.getPath().pathWithinApplication().value());
    long declared = request.getHeaders().getContentLength();
    if (declared > limit) {
      // a client that asked to continue (Expect: 100-continue) sends no body: nothing reads it
      return GatewayErrors.write(exchange, tooLarge(limit));
    }
    if (declared >= 0 || !request.getHeaders().containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
      return chain.filter(exchange);
    }
    return DataBufferUtils.join(request.getBody(), (int) Math.min(limit, Integer.MAX_VALUE))
        .flatMap(
            body -> chain.filter(exchange.mutate().request(new WithLength(request, body)).build()))
        .switchIfEmpty(Mono.defer(() -> chain.filter(exchange)))
        .onErrorResume(
            DataBufferLimitException.class,
            tooLarge -> {
              // the rest of the body is still on its way and will not be read
              exchange.getResponse().getHeaders().set("Connection", "close");
              return GatewayErrors.write(exchange, tooLarge(limit));
            });
  }

  static Problem tooLarge(long limit) {
    return Problem.of(
        HttpStatus.CONTENT_TOO_LARGE,
        "The request body is larger than the " + limit + " bytes this address accepts.");
  }

  @Override
  public int getOrder() {
    // before anything reads or passes on a body
    return Ordered.HIGHEST_PRECEDENCE + 10;
  }

  /** A body read whole, passed on with its length declared. */
  private static final class WithLength extends ServerHttpRequestDecorator {

    private final DataBuffer body;
    private final HttpHeaders headers;

    WithLength(ServerHttpRequest request, DataBuffer body) {
      super(request);
      this.body = body;
      this.headers = new HttpHeaders();
      this.headers.putAll(request.getHeaders());
      this.headers.remove(HttpHeaders.TRANSFER_ENCODING);
      this.headers.setContentLength(body.readableByteCount());
    }

    @Override
    public HttpHeaders getHeaders() {
      return headers;
    }

    @Override
    public Flux<DataBuffer> getBody() {
      return Flux.just(body);
    }
  }
}
