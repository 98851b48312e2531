package io.airtix.live.connection;

import io.airtix.live.caller.Caller;
import io.airtix.live.subscription.Subscription;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * One client's connection, whatever its transport: who it is, what it receives, and a bounded queue
 * of messages on their way to it. Nothing waits for a client: a message that finds the queue full
 * ends the connection ({@code too-slow}), and the others never notice.
 */
public final class Connection {

  /** Why a connection ended, as the {@code goodbye} message says it. */
  public enum Ending {
    REVOKED("revoked"),
    TOKEN_EXPIRED("token-expired"),
    TOO_SLOW("too-slow"),
    SHUTTING_DOWN("shutting-down"),
    CLIENT_LEFT("client-left");

    private final String reason;

    Ending(String reason) {
      this.reason = reason;
    }

    public String reason() {
      return reason;
    }
  }

  private final String id = UUID.randomUUID().toString();
  private final String transport;
  private final Sinks.Many<Outgoing> queue;
  private final Sinks.Empty<Void> cut = Sinks.empty();
  private final Sinks.Empty<Void> written = Sinks.empty();
  private volatile Caller caller;
  private volatile Subscription subscription = Subscription.NOTHING;
  private volatile @Nullable Disposable expiry;
  private volatile boolean ended;
  private volatile boolean read;
  private final Instant openedAt;

  Connection(String transport, Caller caller, int buffer, Instant openedAt) {
    this.openedAt = openedAt;
    this.transport = transport;
    this.caller = caller;
    // exactly `buffer`: Reactor's queues round their capacity up to a power of two (at least 8)
    this.queue = Sinks.many().unicast().onBackpressureBuffer(new ArrayBlockingQueue<>(buffer));
  }

  public String id() {
    return id;
  }

  public String transport() {
    return transport;
  }

  public Caller caller() {
    return caller;
  }

  public Subscription subscription() {
    return subscription;
  }

  /**
   * What the transport writes: the queued messages until the connection ends; at once, dropping
   * what is queued, when it is cut.
   */
  public Flux<Outgoing> outgoing() {
    return queue
        .asFlux()
        .doOnSubscribe(subscription -> read = true)
        .takeUntilOther(cut.asMono())
        .doFinally(signal -> written.tryEmitEmpty());
  }

  /** Whether a transport ever started to read the connection's messages. */
  boolean read() {
    return read;
  }

  Instant openedAt() {
    return openedAt;
  }

  /** Completes once the transport has taken the last message, or the client went away. */
  Mono<Void> written() {
    return written.asMono();
  }

  public boolean ended() {
    return ended;
  }

  void caller(Caller caller) {
    this.caller = caller;
  }

  void subscription(Subscription subscription) {
    this.subscription = subscription;
  }

  void expiry(@Nullable Disposable timer) {
    Disposable previous = this.expiry;
    this.expiry = timer;
    if (previous != null) {
      previous.dispose();
    }
  }

  /**
   * Queues a message; false when the queue is full, i.e. the client does not keep up. Emissions
   * come from the feed, timers and the client's own messages: one at a time.
   */
  synchronized boolean send(Outgoing message) {
    if (ended) {
      return true;
    }
    return !full(queue.tryEmitNext(message));
  }

  /**
   * The queue took no more: the client reads too slowly, or its transport has not started reading
   * at all (the sink says so as {@code FAIL_ZERO_SUBSCRIBER}).
   */
  private static boolean full(Sinks.EmitResult result) {
    return result == Sinks.EmitResult.FAIL_OVERFLOW
        || result == Sinks.EmitResult.FAIL_ZERO_SUBSCRIBER;
  }

  /** Ends after what is queued, with a last message. */
  synchronized void finish(Outgoing goodbye) {
    if (ended) {
      return;
    }
    if (full(queue.tryEmitNext(goodbye))) {
      cut.tryEmitEmpty();
    }
    ended = true;
    queue.tryEmitComplete();
    expiry(null);
  }

  /** Ends now, dropping what is queued. */
  synchronized void cut() {
    ended = true;
    cut.tryEmitEmpty();
    queue.tryEmitComplete();
    expiry(null);
  }
}
