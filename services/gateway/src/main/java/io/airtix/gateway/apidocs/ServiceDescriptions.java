package io.airtix.gateway.apidocs;

import java.net.URI;
import java.time.Duration;
import java.util.TreeMap;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads every service's description from its management port when the merged one is asked for, and
 * keeps the merge for a few seconds: fresh soon after a service changes, and a page reloaded in a
 * loop costs the services nothing. A service that does not answer in time is left out of that
 * merge, not waited for.
 */
@Component
class ServiceDescriptions {

  static final Duration FRESH_FOR = Duration.ofSeconds(10);
  static final Duration PATIENCE = Duration.ofSeconds(3);

  private static final Logger log = LoggerFactory.getLogger(ServiceDescriptions.class);

  /** A description of a few hundred operations; the reader's default (256 KB) is too small. */
  private static final int LARGEST = 8 * 1024 * 1024;

  private final Mono<ObjectNode> merged;

  ServiceDescriptions(ApiDocsSources sources, JsonMapper json) {
    WebClient client =
        WebClient.builder()
            .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(LARGEST))
            .build();
    this.merged =
        Flux.fromIterable(new TreeMap<>(sources.apiDocs()).entrySet())
            .flatMap(source -> read(client, json, source.getKey(), source.getValue()))
            .collectList()
            .map(OpenApiMerge::merge)
            .cache(FRESH_FOR);
  }

  Mono<ObjectNode> merged() {
    return merged;
  }

  private static Mono<ServiceDescription> read(
      WebClient client, JsonMapper json, String service, URI address) {
    return client
        .get()
        .uri(address)
        .accept(MediaType.APPLICATION_JSON)
        .retrieve()
        .bodyToMono(String.class)
        .map(body -> described(service, json.readTree(body)))
        .defaultIfEmpty(ServiceDescription.missing(service, "it answered nothing"))
        .timeout(PATIENCE)
        .onErrorResume(
            error -> {
              String why = why(error);
              log.warn(
                  "The {} service's API description at {} is left out: {}", service, address, why);
              return Mono.just(ServiceDescription.missing(service, why));
            });
  }

  private static ServiceDescription described(String service, JsonNode document) {
    return document.path("openapi").isString() && document.path("paths").isObject()
        ? ServiceDescription.of(service, document)
        : ServiceDescription.missing(service, "its answer is no OpenAPI description");
  }

  private static String why(Throwable error) {
    if (error instanceof TimeoutException) {
      return "it did not answer within " + PATIENCE.toSeconds() + " s";
    }
    if (error instanceof WebClientResponseException answer) {
      return "it answered " + answer.getStatusCode().value();
    }
    if (error instanceof WebClientRequestException) {
      return "it is not reachable";
    }
    if (error instanceof JacksonException) {
      return "its answer is no OpenAPI description";
    }
    return "it could not be read";
  }
}
