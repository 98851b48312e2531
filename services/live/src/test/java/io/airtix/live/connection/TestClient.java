package io.airtix.live.connection;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The transport's side of a connection: reads its outgoing messages, or does not. */
final class TestClient extends BaseSubscriber<Outgoing> {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final List<Outgoing> received = new CopyOnWriteArrayList<>();
  private final long demand;
  private volatile boolean completed;
  private volatile @Nullable Throwable failure;

  private TestClient(long demand) {
    this.demand = demand;
  }

  /** A client that takes whatever comes, as soon as it comes. */
  static TestClient reading(Connection connection) {
    TestClient client = new TestClient(Long.MAX_VALUE);
    connection.outgoing().subscribe(client);
    return client;
  }

  /** A client whose socket accepts nothing: it asks for no message. */
  static TestClient stalled(Connection connection) {
    TestClient client = new TestClient(0);
    connection.outgoing().subscribe(client);
    return client;
  }

  @Override
  protected void hookOnSubscribe(Subscription subscription) {
    if (demand > 0) {
      subscription.request(demand);
    }
  }

  @Override
  protected void hookOnNext(Outgoing message) {
    received.add(message);
  }

  @Override
  protected void hookOnComplete() {
    completed = true;
  }

  @Override
  protected void hookOnError(Throwable error) {
    failure = error;
  }

  List<Outgoing> received() {
    return List.copyOf(received);
  }

  /** The positions of the messages received, leaving out those about the connection itself. */
  List<String> positions() {
    return received.stream().map(Outgoing::position).filter(Objects::nonNull).toList();
  }

  List<String> types() {
    return received.stream().map(Outgoing::type).toList();
  }

  Outgoing last() {
    return received.get(received.size() - 1);
  }

  static JsonNode data(Outgoing message) {
    return JSON.readTree(message.json()).path("data");
  }

  boolean completed() {
    return completed;
  }

  @Nullable Throwable failure() {
    return failure;
  }
}
