package io.airtix.live.config;

import io.airtix.live.caller.Callers;
import io.airtix.live.caller.LivePasses;
import io.airtix.live.connection.Connections;
import io.airtix.live.message.EventTranslation;
import io.airtix.live.message.MessageJson;
import io.airtix.live.message.TicketFacts;
import io.airtix.live.subscription.Subscriptions;
import io.airtix.platform.authorization.AccessPolicy;
import io.airtix.platform.denylist.DenyList;
import io.airtix.platform.security.AccessTokenDecoders;
import io.airtix.platform.security.SecuritySettings;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.client.ReactorResourceFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({LiveSettings.class, SecuritySettings.class})
class LiveConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(LiveConfiguration.class);

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  /**
   * Event loops of this application alone: where it shares a JVM with other Reactor Netty
   * applications (the launcher's gateway, a second instance in a test), stopping one must not stop
   * the loops the others write with.
   */
  @Bean
  ReactorResourceFactory reactorResourceFactory() {
    ReactorResourceFactory resources = new ReactorResourceFactory();
    resources.setUseGlobalResources(false);
    return resources;
  }

  @Bean
  MessageJson messageJson() {
    return new MessageJson();
  }

  @Bean
  EventTranslation eventTranslation(MessageJson json, TicketFacts tickets) {
    return new EventTranslation(json, tickets);
  }

  @Bean
  Connections connections(LiveSettings settings, MessageJson json, Clock clock) {
    return new Connections(
        new Connections.Limits(
            settings.maxConnections(),
            settings.connectionBuffer(),
            settings.replay(),
            settings.replayLimit()),
        json,
        clock);
  }

  @Bean(destroyMethod = "dispose")
  Disposable heartbeats(Connections connections, LiveSettings settings) {
    return Flux.interval(settings.heartbeat()).subscribe(beat -> connections.heartbeat());
  }

  @Bean
  Callers callers(SecuritySettings security, Environment environment, DenyList denyList) {
    return new Callers(
        AccessTokenDecoders.create(
            security, AccessTokenDecoders.audience(security, environment), denyList));
  }

  @Bean
  LivePasses livePasses(LiveSettings settings, DenyList denyList, Clock clock) {
    byte[] key;
    if (settings.passKey() == null || settings.passKey().isBlank()) {
      key = new byte[32];
      new SecureRandom().nextBytes(key);
      LOG.info(
          "Passes are sealed with a key of this process: set airtix.live.pass-key when several"
              + " instances serve one gateway");
    } else {
      key = Base64.getDecoder().decode(settings.passKey().trim());
    }
    return new LivePasses(key, denyList, clock);
  }

  @Bean
  Subscriptions subscriptions(AccessPolicy policy) {
    return new Subscriptions(policy);
  }

  @Bean
  MeterBinder liveMeters(Connections connections) {
    return meters -> {
      Gauge.builder("airtix.live.connections", connections, Connections::count)
          .description("Open live connections of this instance")
          .register(meters);
      FunctionCounter.builder("airtix.live.messages", connections, Connections::delivered)
          .description("Messages queued for clients")
          .register(meters);
      FunctionCounter.builder("airtix.live.dropped", connections, Connections::dropped)
          .description("Connections dropped because their client did not keep up")
          .register(meters);
    };
  }
}
