package io.airtix.benchmarks.live;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One anonymous client of the live service, over Server-Sent Events or a WebSocket, on the JDK's
 * HttpClient: no thread of its own, one TCP connection each (HTTP/1.1 opens one per stream). It is
 * {@link #ready()} once the service welcomed it (and, on a WebSocket, confirmed its subscription);
 * every later message goes to its {@link Tally}, if it has one, with the moment it was read.
 */
abstract sealed class Subscriber permits Subscriber.Stream, Subscriber.Socket {

  /** Comments (SSE) and pings (WebSocket) received by every subscriber of this JVM. */
  static final AtomicLong HEARTBEATS = new AtomicLong();

  final CompletableFuture<Void> ready = new CompletableFuture<>();
  final Tally tally;
  private volatile boolean ended;
  private volatile boolean closing;

  Subscriber(Tally tally) {
    this.tally = tally;
  }

  CompletableFuture<Void> ready() {
    return ready;
  }

  /** Whether the connection ended (the service closed it, or it broke) before {@link #close()}. */
  boolean ended() {
    return ended && !closing;
  }

  /** Closes the connection. */
  final void close() {
    closing = true;
    disconnect();
  }

  abstract void disconnect();

  void end(Throwable failure) {
    ended = true;
    ready.completeExceptionally(
        failure != null ? failure : new IllegalStateException("ended before it was welcomed"));
  }

  void message(String type, String json, Instant readAt) {
    if ("welcome".equals(type) && this instanceof Stream) {
      ready.complete(null);
    } else if (tally != null) {
      tally.received(type, json, readAt);
    }
  }

  /**
   * {@code GET /api/live/stream?…}, read line by line as the bytes arrive, the way an EventSource
   * reads it.
   */
  static final class Stream extends Subscriber implements Flow.Subscriber<String> {

    private volatile Flow.Subscription subscription;
    private String event;
    private String data;
    private Instant readAt = Instant.EPOCH;

    private Stream(Tally tally) {
      super(tally);
    }

    static Stream open(HttpClient client, URI stream, Tally tally) {
      Stream subscriber = new Stream(tally);
      HttpRequest request =
          HttpRequest.newBuilder(stream).header("Accept", "text/event-stream").GET().build();
      HttpResponse.BodyHandler<Void> body =
          answer -> {
            if (answer.statusCode() != 200) {
              subscriber.end(new IllegalStateException("answered " + answer.statusCode()));
              return HttpResponse.BodySubscribers.replacing(null);
            }
            return HttpResponse.BodySubscribers.fromLineSubscriber(subscriber);
          };
      // completes when the stream ends: closed by the service, by close(), or broken
      client.sendAsync(request, body).whenComplete((done, failure) -> subscriber.end(failure));
      return subscriber;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(String line) {
      if (line.isEmpty()) {
        if (data != null) {
          message(event, data, readAt);
        }
        event = null;
        data = null;
      } else if (line.startsWith("data:")) {
        readAt = Instant.now();
        data = line.substring(line.startsWith("data: ") ? 6 : 5);
      } else if (line.startsWith("event:")) {
        event = line.substring(line.startsWith("event: ") ? 7 : 6);
      } else if (line.startsWith(":")) {
        HEARTBEATS.incrementAndGet();
      }
    }

    @Override
    public void onError(Throwable failure) {
      end(failure);
    }

    @Override
    public void onComplete() {
      end(null);
    }

    /** Cancelling the body of an HTTP/1.1 response closes its connection. */
    @Override
    void disconnect() {
      Flow.Subscription open = subscription;
      if (open != null) {
        open.cancel();
      }
    }
  }

  /** {@code /api/live} as a WebSocket, subscribed with a message once welcomed. */
  static final class Socket extends Subscriber implements WebSocket.Listener {

    private final String subscribe;
    private final StringBuilder text = new StringBuilder();
    private volatile WebSocket socket;

    private Socket(String subscribe, Tally tally) {
      super(tally);
      this.subscribe = subscribe;
    }

    /**
     * @param subscribe the subscription message sent once welcomed, e.g. {@code
     *     {"type":"subscribe","channels":["catalogue"],"ticket":["…"]}}
     */
    static Socket open(HttpClient client, URI socket, String subscribe, Tally tally) {
      Socket subscriber = new Socket(subscribe, tally);
      client
          .newWebSocketBuilder()
          .buildAsync(socket, subscriber)
          .whenComplete(
              (opened, failure) -> {
                if (failure != null) {
                  subscriber.end(failure);
                }
              });
      return subscriber;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
      socket = webSocket;
      webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence part, boolean last) {
      text.append(part);
      if (last) {
        Instant readAt = Instant.now();
        String json = text.toString();
        text.setLength(0);
        String type = Tally.type(json);
        if ("welcome".equals(type)) {
          webSocket.sendText(subscribe, true);
        } else if ("subscribed".equals(type)) {
          ready.complete(null);
        } else {
          message(type, json, readAt);
        }
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onPing(WebSocket webSocket, java.nio.ByteBuffer message) {
      HEARTBEATS.incrementAndGet();
      // the JDK answers with a pong by itself
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int status, String reason) {
      end(null);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable failure) {
      end(failure);
    }

    @Override
    void disconnect() {
      WebSocket open = socket;
      if (open != null) {
        open.abort();
      }
    }
  }
}
