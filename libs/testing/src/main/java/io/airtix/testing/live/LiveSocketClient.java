package io.airtix.testing.live;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/** The live service's WebSocket through the JDK's client, as a browser would use it. */
public final class LiveSocketClient extends LiveClient {

  private final StringBuilder partial = new StringBuilder();
  private volatile WebSocket socket;
  private volatile int closeCode = -1;

  private LiveSocketClient() {}

  /**
   * Connects; a handshake the service refuses throws {@link CompletionException} whose cause is the
   * JDK's {@code WebSocketHandshakeException} with the answer.
   */
  public static LiveSocketClient connect(URI socket, Map<String, String> headers) {
    LiveSocketClient client = new LiveSocketClient();
    WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
    headers.forEach(builder::header);
    try {
      client.socket = builder.buildAsync(socket, client.listener()).get(10, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException failed) {
      throw new CompletionException(failed.getCause());
    } catch (Exception failed) {
      throw new IllegalStateException(failed);
    }
    return client;
  }

  /** Sends a message of the protocol, e.g. {@code {"type":"subscribe","channels":["orders"]}}. */
  public void send(String json) {
    socket.sendText(json, true).join();
  }

  /** The close code the service sent, -1 while open. */
  public int closeCode() {
    return closeCode;
  }

  private WebSocket.Listener listener() {
    return new WebSocket.Listener() {
      @Override
      public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
          received(Received.parse(partial.toString()));
          partial.setLength(0);
        }
        webSocket.request(1);
        return null;
      }

      @Override
      public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeCode = statusCode;
        ended();
        return null;
      }

      @Override
      public void onError(WebSocket webSocket, Throwable error) {
        ended();
      }
    };
  }

  @Override
  public void close() {
    WebSocket open = socket;
    if (open != null && !open.isOutputClosed()) {
      CompletableFuture<WebSocket> closing = open.sendClose(WebSocket.NORMAL_CLOSURE, "");
      closing.exceptionally(failed -> null);
    }
  }
}
