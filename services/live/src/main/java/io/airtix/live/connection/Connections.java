package io.airtix.live.connection;

import io.airtix.live.caller.Caller;
import io.airtix.live.message.LiveMessage;
import io.airtix.live.message.MessageJson;
import io.airtix.live.message.MessageTypes;
import io.airtix.live.subscription.Subscription;
import io.airtix.platform.denylist.DenyList;
import io.airtix.platform.security.AirtixPrincipal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The open connections of this instance and the journal they resume from. A message from the feed
 * is journaled and queued for every connection whose subscription matches, under one lock, so a
 * client that subscribes (and is replayed what it missed) never gets a message twice or loses one
 * in between. Queuing never waits; sending is each transport's business.
 */
public final class Connections {

  private static final Logger LOG = LoggerFactory.getLogger(Connections.class);

  /** Limits of one instance, from {@code airtix.live}. */
  public record Limits(
      int maxConnections, int connectionBuffer, Duration replay, int replayLimit) {}

  /** How long a stopping instance waits for its goodbyes to be written. */
  private static final Duration GOODBYE_WAIT = Duration.ofSeconds(2);

  /** How long a connection may stay unread before it counts as abandoned. */
  private static final Duration UNREAD_LIMIT = Duration.ofSeconds(30);

  private final Object lock = new Object();
  private final Set<Connection> open = ConcurrentHashMap.newKeySet();
  private final SubscriberIndex index = new SubscriberIndex();
  private final Journal journal;
  private final Limits limits;
  private final MessageJson json;
  private final Clock clock;
  private final AtomicLong tooSlow = new AtomicLong();
  private final AtomicLong delivered = new AtomicLong();

  public Connections(Limits limits, MessageJson json, Clock clock) {
    this.limits = limits;
    this.json = json;
    this.clock = clock;
    this.journal = new Journal(limits.replay(), limits.replayLimit(), clock);
  }

  /**
   * Opens a connection for a caller, ended when its token expires unless renewed.
   *
   * @throws ConnectionRefusedException when the instance holds as many as it may
   */
  public Connection open(String transport, Caller caller) {
    if (full()) {
      throw new ConnectionRefusedException(
          "This instance holds as many live connections as it may; try again shortly.");
    }
    Connection connection =
        new Connection(transport, caller, limits.connectionBuffer(), clock.instant());
    open.add(connection);
    expireWithToken(connection);
    return connection;
  }

  /** The connection's caller renewed its token in-band: it stays open until the new one expires. */
  public void renew(Connection connection, Caller renewed) {
    connection.caller(renewed);
    expireWithToken(connection);
  }

  private void expireWithToken(Connection connection) {
    Instant expiresAt = connection.caller().expiresAt();
    if (expiresAt == null) {
      connection.expiry(null);
      return;
    }
    Duration left = Duration.between(clock.instant(), expiresAt);
    connection.expiry(
        Mono.delay(left.isNegative() ? Duration.ZERO : left)
            .subscribe(done -> end(connection, Connection.Ending.TOKEN_EXPIRED)));
  }

  /**
   * Sets what a connection receives and queues what it missed since {@code after}: the journal's
   * messages that match, or a {@code resync} when the position is unknown here or the gap is longer
   * than its queue.
   */
  public void subscribe(Connection connection, Subscription subscription, @Nullable String after) {
    synchronized (lock) {
      connection.subscription(subscription);
      if (open.contains(connection)) {
        index.put(connection, subscription);
      }
      if (after == null) {
        return;
      }
      Optional<List<LiveMessage>> missed = journal.after(after);
      List<LiveMessage> replay =
          missed.map(all -> all.stream().filter(subscription::matches).toList()).orElse(null);
      if (replay == null || replay.size() >= limits.connectionBuffer() / 2) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("after", after);
        data.put("reason", replay == null ? "position-unknown" : "too-many-missed-messages");
        tell(connection, MessageTypes.RESYNC, data);
        return;
      }
      replay.forEach(message -> send(connection, Outgoing.of(message)));
    }
  }

  /** Journals the messages of one event and queues them for whoever may receive them. */
  public void publish(List<LiveMessage> messages) {
    if (messages.isEmpty()) {
      return;
    }
    synchronized (lock) {
      // a redelivered event: its messages went out already
      if (journal.knows(messages.get(0).position())) {
        return;
      }
      for (LiveMessage message : messages) {
        journal.append(message);
        Outgoing outgoing = Outgoing.of(message);
        for (Connection connection : index.candidates(message.audience())) {
          // one connection's trouble is never another's: every connection gets its chance
          try {
            if (connection.subscription().matches(message)) {
              send(connection, outgoing);
            }
          } catch (RuntimeException failed) {
            LOG.warn(
                "Live connection {}: message {} not delivered ({})",
                connection.id(),
                message.position(),
                failed.toString());
          }
        }
      }
    }
  }

  /**
   * Queues a sign of life for every connection, so that proxies and load balancers between a quiet
   * channel and its client do not take it for dead: an SSE comment, a WebSocket ping.
   */
  public void heartbeat() {
    Instant abandonedBefore = clock.instant().minus(UNREAD_LIMIT);
    for (Connection connection : open) {
      if (!connection.read() && connection.openedAt().isBefore(abandonedBefore)) {
        // its transport never started (the client left before the answer): nobody will read it
        forget(connection);
        connection.cut();
        continue;
      }
      try {
        connection.send(Outgoing.HEARTBEAT);
      } catch (RuntimeException failed) {
        LOG.warn("Live connection {}: no heartbeat ({})", connection.id(), failed.toString());
      }
    }
  }

  /** Queues a message about the connection itself. */
  public void tell(Connection connection, String type, @Nullable Object data) {
    send(connection, new Outgoing(type, null, json.control(type, data)));
  }

  private void send(Connection connection, Outgoing message) {
    if (connection.send(message)) {
      delivered.incrementAndGet();
      return;
    }
    tooSlow.incrementAndGet();
    LOG.info(
        "Live connection {} ({}) dropped: its client does not keep up",
        connection.id(),
        connection.transport());
    forget(connection);
    connection.cut();
  }

  /** Ends a connection with a {@code goodbye} saying why. */
  public void end(Connection connection, Connection.Ending ending) {
    if (forget(connection)) {
      connection.finish(
          new Outgoing(
              MessageTypes.GOODBYE,
              null,
              json.control(MessageTypes.GOODBYE, Map.of("reason", ending.reason()))));
    }
  }

  /** Takes a connection out of the set and the index; whether it was there. */
  private boolean forget(Connection connection) {
    synchronized (lock) {
      index.remove(connection);
      return open.remove(connection);
    }
  }

  /** Forgets a connection its client closed. */
  public void closed(Connection connection) {
    forget(connection);
    connection.cut();
  }

  /** Ends every connection, e.g. when the instance stops: its clients reconnect elsewhere. */
  public void endAll() {
    List<Connection> ending = List.copyOf(open);
    LOG.info("Ending {} live connections: the instance stops", ending.size());
    ending.forEach(connection -> end(connection, Connection.Ending.SHUTTING_DOWN));
    try {
      // the goodbyes go out before the server closes the connections
      Mono.when(ending.stream().map(Connection::written).toList()).block(GOODBYE_WAIT);
    } catch (IllegalStateException notAllInTime) {
      LOG.info("Not every live connection took its goodbye within {}", GOODBYE_WAIT);
    }
  }

  /** Whether the instance holds as many connections as it may. */
  public boolean full() {
    return open.size() >= limits.maxConnections();
  }

  public int count() {
    return open.size();
  }

  public long dropped() {
    return tooSlow.get();
  }

  public long delivered() {
    return delivered.get();
  }

  int journaled() {
    synchronized (lock) {
      return journal.size();
    }
  }

  /**
   * Ends the connections whose tokens Keycloak's user events refuse: the same rules as the
   * deny-list's, applied to who is connected rather than to the next request.
   */
  public DenyList asDenyList() {
    return new DenyList() {
      @Override
      public void denyUser(String userId, Instant issuedUpTo) {
        endWhere(person -> person.principal().userId().equals(userId), issuedUpTo);
      }

      @Override
      public void denyEveryone(Instant issuedUpTo) {
        endWhere(person -> true, issuedUpTo);
      }

      @Override
      public void denySession(String sessionId, Instant endedAt) {
        endWhere(person -> sessionId.equals(person.principal().sessionId()), null);
      }

      @Override
      public boolean denies(String userId, String sessionId, Instant issuedAt) {
        return false;
      }
    };
  }

  private void endWhere(Predicate<Caller> refused, @Nullable Instant issuedUpTo) {
    for (Connection connection : List.copyOf(open)) {
      Caller caller = connection.caller();
      AirtixPrincipal person = caller.principal();
      if (person == null || !refused.test(caller)) {
        continue;
      }
      // a token issued after the event (signed in again, re-enabled) keeps its connection
      if (issuedUpTo != null
          && caller.issuedAt() != null
          && caller.issuedAt().isAfter(issuedUpTo)) {
        continue;
      }
      end(connection, Connection.Ending.REVOKED);
    }
  }
}
