package io.airtix.live.transport;

import io.airtix.live.caller.Callers;
import io.airtix.live.caller.LivePasses;
import io.airtix.live.connection.Connections;
import io.airtix.live.message.MessageJson;
import io.airtix.live.subscription.Subscriptions;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.socket.server.support.WebSocketHandlerAdapter;

/** The three doors of the live service: the WebSocket, the SSE stream and the pass desk. */
@Configuration(proxyBeanMethods = false)
class TransportConfiguration {

  @Bean
  Handshake handshake(Callers callers, LivePasses passes) {
    return new Handshake(callers, passes);
  }

  @Bean
  RouterFunction<ServerResponse> liveRoutes(
      Handshake handshake,
      Subscriptions subscriptions,
      Connections connections,
      Callers callers,
      LivePasses passes) {
    LiveStream stream = new LiveStream(handshake, subscriptions, connections);
    PassEndpoint desk = new PassEndpoint(callers, passes);
    return RouterFunctions.route()
        .GET(LiveStream.PATH, stream::open)
        .POST(PassEndpoint.PATH, desk::issue)
        .build();
  }

  @Bean
  HandlerMapping liveSocketMapping(
      Callers callers, Subscriptions subscriptions, Connections connections, MessageJson json) {
    return new SimpleUrlHandlerMapping(
        Map.of(LiveSocket.PATH, new LiveSocket(callers, subscriptions, connections, json)),
        Ordered.HIGHEST_PRECEDENCE);
  }

  @Bean
  WebSocketHandlerAdapter liveSocketAdapter(Handshake handshake, Connections connections) {
    return new WebSocketHandlerAdapter(new LiveSocketService(handshake, connections));
  }
}
