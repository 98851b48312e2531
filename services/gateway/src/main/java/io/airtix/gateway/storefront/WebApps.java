package io.airtix.gateway.storefront;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.config.ResourceHandlerRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * Serves the storefront's apps from the class path ({@code airtix-web/<app>/}, built by the web
 * module): {@code /} leads to the default app, {@code /<app>} to {@code /<app>/}. Vite names every
 * asset by its content hash, so {@code /<app>/assets/} is cached for a year and never revalidated;
 * everything else, {@code index.html} above all, is revalidated on every load, so a new release
 * reaches a browser at its next visit. Each app reads its run-time configuration ({@link
 * StorefrontConfig}) from {@code /<app>/config.json}, revalidated likewise.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebAppSettings.class)
class WebApps implements WebFluxConfigurer {

  private static final CacheControl HASHED_ASSETS =
      CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

  /** Where the web module puts each app's build on the class path. */
  private static final String FILES = "airtix-web/";

  private final WebAppSettings settings;

  WebApps(WebAppSettings settings) {
    this.settings = settings;
  }

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    for (String app : settings.apps()) {
      String files = "classpath:/" + FILES + app + "/";
      registry
          .addResourceHandler("/" + app + "/assets/**")
          .addResourceLocations(files + "assets/")
          .setCacheControl(HASHED_ASSETS);
      registry
          .addResourceHandler("/" + app + "/**")
          .addResourceLocations(files)
          .setCacheControl(CacheControl.noCache())
          .resourceChain(true)
          .addResolver(new SinglePageApp());
    }
  }

  @Bean
  RouterFunction<ServerResponse> webAppEntrances() {
    RouterFunctions.Builder routes =
        RouterFunctions.route().GET("/", request -> leadTo(settings.defaultApp()));
    StorefrontConfig config = StorefrontConfig.of(settings);
    for (String app : settings.apps()) {
      routes.GET(
          "/" + app + "/config.json",
          request ->
              ServerResponse.ok()
                  .contentType(MediaType.APPLICATION_JSON)
                  .cacheControl(CacheControl.noCache())
                  .bodyValue(config));
      Resource page = new ClassPathResource(FILES + app + "/" + SinglePageApp.INDEX);
      routes.GET("/" + app, request -> leadTo(app));
      // the resource handler serves no file for an empty path, so the app's page at its root is
      // answered here, as the handler answers it for the app's other routes
      routes.GET(
          "/" + app + "/",
          request ->
              page.exists()
                  ? ServerResponse.ok()
                      .contentType(MediaType.TEXT_HTML)
                      .cacheControl(CacheControl.noCache())
                      .bodyValue(page)
                  : ServerResponse.notFound().build());
    }
    return routes.build();
  }

  private static Mono<ServerResponse> leadTo(String app) {
    return ServerResponse.status(HttpStatus.FOUND).location(URI.create("/" + app + "/")).build();
  }
}
