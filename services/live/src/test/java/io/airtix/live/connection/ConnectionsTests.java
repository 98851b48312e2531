package io.airtix.live.connection;

import static io.airtix.live.message.LiveMessageMother.AEROLUX;
import static io.airtix.live.message.LiveMessageMother.BOREAL;
import static io.airtix.live.message.LiveMessageMother.catalogue;
import static io.airtix.live.message.LiveMessageMother.customer;
import static io.airtix.live.message.LiveMessageMother.sameEvent;
import static io.airtix.live.message.LiveMessageMother.staff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.airtix.live.caller.Caller;
import io.airtix.live.caller.CallerMother;
import io.airtix.live.message.Audience;
import io.airtix.live.message.LiveMessage;
import io.airtix.live.message.MessageJson;
import io.airtix.live.message.MessageTypes;
import io.airtix.live.subscription.Subscription;
import io.airtix.live.subscription.SubscriptionMother;
import io.airtix.platform.denylist.DenyList;
import io.airtix.platform.security.AirtixPrincipal;
import io.airtix.testing.time.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConnectionsTests {

  private static final int BUFFER = 8;
  private static final Duration SOON = Duration.ofSeconds(5);

  private final Map<Connection, TestClient> clients = new HashMap<>();
  private Connections connections = connections(100, BUFFER);

  @Test
  void deliversAMessageOnlyToTheConnectionsWhoseSubscriptionMatches() {
    TestClient catalogue = client(SubscriptionMother.catalogue());
    TestClient alice = client(SubscriptionMother.orders("alice"));
    TestClient bob = client(SubscriptionMother.orders("bob"));
    TestClient aeroluxTickets = client(SubscriptionMother.airline(AEROLUX, "tickets"));
    TestClient notSubscribed = TestClient.reading(open(Caller.ANONYMOUS));
    LiveMessage published = catalogue(AEROLUX);
    LiveMessage aliceHolds = customer("alice");
    LiveMessage aeroluxTicket = staff(AEROLUX, "tickets");
    LiveMessage aeroluxOrder = staff(AEROLUX, "orders");
    LiveMessage borealTicket = staff(BOREAL, "tickets");

    List.of(published, aliceHolds, aeroluxTicket, aeroluxOrder, borealTicket)
        .forEach(message -> connections.publish(List.of(message)));

    assertThat(catalogue.positions()).containsExactly(published.position());
    assertThat(alice.positions()).containsExactly(aliceHolds.position());
    assertThat(bob.positions()).isEmpty();
    assertThat(aeroluxTickets.positions()).containsExactly(aeroluxTicket.position());
    assertThat(notSubscribed.received()).isEmpty();
    assertThat(connections.delivered()).isEqualTo(3);
  }

  @Test
  void deliversEachMessageOfAnEventToItsOwnAudience() {
    TestClient catalogue = client(SubscriptionMother.catalogue());
    TestClient alice = client(SubscriptionMother.orders("alice"));
    LiveMessage held = catalogue(AEROLUX);
    LiveMessage aliceHolds = sameEvent(held, new Audience.Customer("alice"));

    connections.publish(List.of(held, aliceHolds));

    assertThat(catalogue.received()).extracting(Outgoing::json).containsExactly(held.json());
    assertThat(alice.received()).extracting(Outgoing::json).containsExactly(aliceHolds.json());
  }

  @ParameterizedTest(name = "buffer of {0}")
  @ValueSource(ints = {8, 10, 100})
  void dropsAClientThatDoesNotKeepUpWithoutSlowingTheOthers(int buffer) {
    connections = connections(100, buffer);
    Connection neverRead = open(Caller.ANONYMOUS);
    connections.subscribe(neverRead, SubscriptionMother.catalogue(), null);
    Connection stalledConnection = open(Caller.ANONYMOUS);
    connections.subscribe(stalledConnection, SubscriptionMother.catalogue(), null);
    TestClient stalled = TestClient.stalled(stalledConnection);
    TestClient reader = client(SubscriptionMother.catalogue());
    List<LiveMessage> messages = publishCatalogue(buffer + 1);

    assertThat(reader.positions()).containsExactlyElementsOf(positions(messages));
    assertThat(reader.completed()).isFalse();
    assertThat(connections.dropped()).isEqualTo(2);
    assertThat(connections.count()).isEqualTo(1);
    assertThat(neverRead.ended()).isTrue();
    assertThat(TestClient.reading(neverRead).completed()).isTrue();
    assertThat(stalled.completed()).isTrue();
    assertThat(stalled.received()).isEmpty();

    LiveMessage later = publishCatalogue(1).get(0);

    assertThat(reader.positions()).endsWith(later.position()).hasSize(buffer + 2);
    assertThat(connections.dropped()).isEqualTo(2);
  }

  @Test
  void keepsAClientWhoseQueueIsFullButHasNotOverflowed() {
    Connection slow = open(Caller.ANONYMOUS);
    connections.subscribe(slow, SubscriptionMother.catalogue(), null);

    List<LiveMessage> messages = publishCatalogue(BUFFER);

    assertThat(connections.dropped()).isZero();
    assertThat(slow.ended()).isFalse();
    assertThat(TestClient.reading(slow).positions()).containsExactlyElementsOf(positions(messages));
  }

  @Test
  void replaysWhatAReturningClientMissedThenLiveMessagesNeverOneTwice() {
    LiveMessage lastSeen = catalogue(AEROLUX);
    connections.publish(List.of(lastSeen));
    LiveMessage missed = catalogue(AEROLUX);
    LiveMessage otherAirline = catalogue(BOREAL);
    LiveMessage someonesOrder = customer("bob");
    LiveMessage missedToo = catalogue(AEROLUX);
    List.of(missed, otherAirline, someonesOrder, missedToo)
        .forEach(message -> connections.publish(List.of(message)));
    Connection back = open(Caller.ANONYMOUS);
    TestClient client = TestClient.reading(back);

    connections.subscribe(back, SubscriptionMother.catalogueOf(AEROLUX), lastSeen.position());
    LiveMessage live = catalogue(AEROLUX);
    connections.publish(List.of(live));
    connections.publish(List.of(missedToo));

    assertThat(client.positions())
        .containsExactly(missed.position(), missedToo.position(), live.position());
    assertThat(client.received()).extracting(Outgoing::json).contains(missed.json());
  }

  @Test
  void replaysNothingToAClientThatMissedNothing() {
    LiveMessage lastSeen = catalogue(AEROLUX);
    connections.publish(List.of(lastSeen));
    Connection back = open(Caller.ANONYMOUS);
    TestClient client = TestClient.reading(back);

    connections.subscribe(back, SubscriptionMother.catalogue(), lastSeen.position());

    assertThat(client.received()).isEmpty();
  }

  @Test
  void neitherLosesNorRepeatsAMessageWhileAClientResumesDuringTraffic() throws Exception {
    for (int round = 0; round < 50; round++) {
      connections = connections(100, 4096);
      LiveMessage lastSeen = publishCatalogue(10).get(9);
      List<LiveMessage> during = IntStream.range(0, 600).mapToObj(i -> catalogue(AEROLUX)).toList();
      Connection back = open(Caller.ANONYMOUS);
      TestClient client = TestClient.reading(back);
      CountDownLatch flowing = new CountDownLatch(1);

      CompletableFuture<Void> traffic =
          CompletableFuture.runAsync(
              () -> {
                for (int i = 0; i < during.size(); i++) {
                  connections.publish(List.of(during.get(i)));
                  if (i == 100) {
                    flowing.countDown();
                  }
                }
              });
      flowing.await();
      connections.subscribe(back, SubscriptionMother.catalogue(), lastSeen.position());
      traffic.get(5, TimeUnit.SECONDS);

      assertThat(client.types()).as("round %d", round).doesNotContain(MessageTypes.RESYNC);
      assertThat(client.positions())
          .as("round %d", round)
          .containsExactlyElementsOf(positions(during));
    }
  }

  @Test
  void asksAClientToResyncWhenItsPositionIsUnknownHere() {
    publishCatalogue(3);
    Connection back = open(Caller.ANONYMOUS);
    TestClient client = TestClient.reading(back);

    connections.subscribe(back, SubscriptionMother.catalogue(), "from-another-life");
    LiveMessage live = publishCatalogue(1).get(0);

    assertThat(client.types()).containsExactly(MessageTypes.RESYNC, live.type());
    Outgoing resync = client.received().get(0);
    assertThat(resync.position()).isNull();
    assertThat(TestClient.data(resync).path("reason").asString()).isEqualTo("position-unknown");
    assertThat(TestClient.data(resync).path("after").asString()).isEqualTo("from-another-life");
    assertThat(client.positions()).containsExactly(live.position());
  }

  @Test
  void asksAClientToResyncWhenItMissedHalfItsBufferOrMore() {
    LiveMessage lastSeen = catalogue(AEROLUX);
    connections.publish(List.of(lastSeen));
    publishCatalogue(BUFFER / 2);
    Connection back = open(Caller.ANONYMOUS);
    TestClient client = TestClient.reading(back);

    connections.subscribe(back, SubscriptionMother.catalogue(), lastSeen.position());

    assertThat(client.types()).containsExactly(MessageTypes.RESYNC);
    assertThat(TestClient.data(client.last()).path("reason").asString())
        .isEqualTo("too-many-missed-messages");
  }

  @Test
  void countsOnlyTheMissedMessagesAClientMayReceive() {
    LiveMessage lastSeen = catalogue(AEROLUX);
    connections.publish(List.of(lastSeen));
    List<LiveMessage> missed = new ArrayList<>();
    for (int i = 0; i < BUFFER / 2 - 1; i++) {
      missed.add(catalogue(AEROLUX));
      connections.publish(List.of(missed.get(i)));
      connections.publish(List.of(catalogue(BOREAL), customer("bob")));
    }
    Connection back = open(Caller.ANONYMOUS);
    TestClient client = TestClient.reading(back);

    connections.subscribe(back, SubscriptionMother.catalogueOf(AEROLUX), lastSeen.position());

    assertThat(client.types()).doesNotContain(MessageTypes.RESYNC);
    assertThat(client.positions()).containsExactlyElementsOf(positions(missed));
  }

  @Test
  void deliversARedeliveredEventOnce() {
    TestClient catalogue = client(SubscriptionMother.catalogue());
    TestClient alice = client(SubscriptionMother.orders("alice"));
    LiveMessage held = catalogue(AEROLUX);
    List<LiveMessage> event = List.of(held, sameEvent(held, new Audience.Customer("alice")));

    connections.publish(event);
    connections.publish(event);

    assertThat(catalogue.positions()).containsExactly(held.position());
    assertThat(alice.positions()).containsExactly(held.position());
  }

  @Test
  void endsTheConnectionsOfADeniedUserWhoseTokensWereIssuedBeforeTheBan() {
    Instant ban = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    AirtixPrincipal alice = CallerMother.customer("alice");
    Connection before = openReading(signedIn(alice, ban.minusSeconds(60)));
    Connection atTheBan = openReading(signedIn(alice, ban));
    Connection after = openReading(signedIn(alice, ban.plusSeconds(1)));
    Connection bob = openReading(signedIn(CallerMother.customer("bob"), ban.minusSeconds(60)));
    Connection anonymous = openReading(Caller.ANONYMOUS);

    connections.asDenyList().denyUser("alice", ban);

    assertRevoked(before);
    assertRevoked(atTheBan);
    assertOpen(after, bob, anonymous);
  }

  @Test
  void endsTheConnectionsOfAnEndedSession() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    AirtixPrincipal onTheLaptop = CallerMother.customer("alice");
    AirtixPrincipal onThePhone = CallerMother.customer("alice");
    Connection laptop = openReading(signedIn(onTheLaptop, now.minusSeconds(60)));
    Connection phone = openReading(signedIn(onThePhone, now.minusSeconds(60)));
    Connection anonymous = openReading(Caller.ANONYMOUS);

    connections.asDenyList().denySession(onTheLaptop.sessionId(), now);

    assertRevoked(laptop);
    assertOpen(phone, anonymous);
  }

  @Test
  void endsTheConnectionsOfEveryoneSignedOutButNotThoseSignedInSinceNorAnonymousOnes() {
    Instant logout = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Connection alice =
        openReading(signedIn(CallerMother.customer("alice"), logout.minusSeconds(1)));
    Connection agent =
        openReading(
            signedIn(CallerMother.staff("agent", AEROLUX, "agent"), logout.minusSeconds(300)));
    Connection since = openReading(signedIn(CallerMother.customer("bob"), logout.plusSeconds(2)));
    Connection anonymous = openReading(Caller.ANONYMOUS);

    connections.asDenyList().denyEveryone(logout);

    assertRevoked(alice);
    assertRevoked(agent);
    assertOpen(since, anonymous);
    assertThat(connections.count()).isEqualTo(2);
  }

  @Test
  void isNoDenyListThatRefusesTokensItself() {
    DenyList denyList = connections.asDenyList();

    denyList.denyUser("alice", Instant.now());

    assertThat(denyList.denies("alice", null, Instant.EPOCH)).isFalse();
  }

  @Test
  void endsAConnectionWhenItsCallersTokenExpires() {
    connections = connections(100, BUFFER, Clock.systemUTC());
    Connection connection =
        openReading(
            signedIn(
                CallerMother.customer("alice"),
                Instant.now().minusSeconds(60),
                Instant.now().plusMillis(300)));
    TestClient client = clientOf(connection);

    await().atMost(SOON).until(client::completed);

    assertThat(client.last().type()).isEqualTo(MessageTypes.GOODBYE);
    assertThat(TestClient.data(client.last()).path("reason").asString()).isEqualTo("token-expired");
    assertThat(connections.count()).isZero();
  }

  @Test
  void keepsARenewedConnectionOpenPastItsFirstTokensExpiry() {
    connections = connections(100, BUFFER, Clock.systemUTC());
    AirtixPrincipal alice = CallerMother.customer("alice");
    Instant firstExpiry = Instant.now().plusMillis(300);
    Connection connection =
        openReading(signedIn(alice, Instant.now().minusSeconds(60), firstExpiry));
    TestClient client = clientOf(connection);
    Caller renewed = signedIn(alice, Instant.now(), firstExpiry.plusMillis(1200));

    connections.renew(connection, renewed);
    Duration pastFirstExpiry = Duration.between(Instant.now(), firstExpiry).plusMillis(400);
    await()
        .during(pastFirstExpiry)
        .atMost(pastFirstExpiry.plus(SOON))
        .until(() -> !client.completed() && !connection.ended());

    assertThat(client.completed()).isFalse();
    assertThat(connection.ended()).isFalse();
    assertThat(connection.caller()).isEqualTo(renewed);
    await().atMost(SOON).until(client::completed);
    assertThat(TestClient.data(client.last()).path("reason").asString()).isEqualTo("token-expired");
  }

  @Test
  void neverExpiresAnAnonymousConnection() {
    connections = connections(100, BUFFER, Clock.systemUTC());
    Connection anonymous = openReading(Caller.ANONYMOUS);

    await()
        .during(Duration.ofMillis(300))
        .atMost(Duration.ofMillis(300).plus(SOON))
        .until(() -> !anonymous.ended());

    assertOpen(anonymous);
  }

  @Test
  void refusesConnectionsBeyondItsLimit() {
    connections = connections(2, BUFFER);
    Connection first = open(Caller.ANONYMOUS);
    assertThat(connections.full()).isFalse();
    open(CallerMother.signedIn(CallerMother.customer("alice")));

    assertThat(connections.full()).isTrue();
    assertThatThrownBy(() -> open(Caller.ANONYMOUS)).isInstanceOf(ConnectionRefusedException.class);
    assertThat(connections.count()).isEqualTo(2);

    connections.closed(first);

    assertThat(connections.full()).isFalse();
    assertThat(open(Caller.ANONYMOUS).ended()).isFalse();
  }

  @Test
  void forgetsAConnectionItsClientClosed() {
    Connection connection = open(Caller.ANONYMOUS);
    connections.subscribe(connection, SubscriptionMother.catalogue(), null);
    TestClient client = TestClient.reading(connection);

    connections.closed(connection);
    publishCatalogue(1);

    assertThat(connections.count()).isZero();
    assertThat(client.completed()).isTrue();
    assertThat(client.received()).isEmpty();
  }

  @Test
  void endsEveryConnectionAfterWhatIsQueuedWhenTheInstanceStops() throws Exception {
    Connection slow = open(Caller.ANONYMOUS);
    connections.subscribe(slow, SubscriptionMother.catalogue(), null);
    List<LiveMessage> queued = publishCatalogue(3);
    Connection other = openReading(Caller.ANONYMOUS);

    CompletableFuture<Void> stopping = CompletableFuture.runAsync(connections::endAll);
    await().atMost(SOON).until(slow::ended);
    TestClient client = TestClient.reading(slow);
    stopping.get(5, TimeUnit.SECONDS);

    assertThat(client.positions()).containsExactlyElementsOf(positions(queued));
    assertThat(client.last().type()).isEqualTo(MessageTypes.GOODBYE);
    assertThat(TestClient.data(client.last()).path("reason").asString()).isEqualTo("shutting-down");
    assertThat(client.completed()).isTrue();
    assertThat(other.ended()).isTrue();
    assertThat(connections.count()).isZero();
  }

  @Test
  void sendsASignOfLifeToEveryConnection() {
    TestClient subscribed = client(SubscriptionMother.catalogue());
    TestClient notSubscribed = TestClient.reading(open(Caller.ANONYMOUS));

    connections.heartbeat();

    assertThat(subscribed.received()).containsExactly(Outgoing.HEARTBEAT);
    assertThat(notSubscribed.received()).containsExactly(Outgoing.HEARTBEAT);
  }

  @Test
  void forgetsAConnectionNobodyStartedToReadWithinHalfAMinute() {
    MutableClock clock = new MutableClock(Instant.parse("2027-01-10T12:00:00Z"));
    connections = connections(100, BUFFER, clock);
    open(Caller.ANONYMOUS);
    Connection reading = openReading(Caller.ANONYMOUS);

    clock.advance(Duration.ofSeconds(31));
    connections.heartbeat();

    assertThat(connections.count()).isEqualTo(1);
    assertThat(reading.ended()).isFalse();
  }

  private static Connections connections(int maxConnections, int buffer) {
    return connections(maxConnections, buffer, Clock.systemUTC());
  }

  private static Connections connections(int maxConnections, int buffer, Clock clock) {
    return new Connections(
        new Connections.Limits(maxConnections, buffer, Duration.ofMinutes(5), 100_000),
        new MessageJson(),
        clock);
  }

  private Connection open(Caller caller) {
    return connections.open("test", caller);
  }

  private Connection openReading(Caller caller) {
    Connection connection = open(caller);
    clients.put(connection, TestClient.reading(connection));
    return connection;
  }

  private TestClient clientOf(Connection connection) {
    return clients.get(connection);
  }

  private TestClient client(Subscription subscription) {
    Connection connection = open(Caller.ANONYMOUS);
    connections.subscribe(connection, subscription, null);
    return TestClient.reading(connection);
  }

  private List<LiveMessage> publishCatalogue(int count) {
    List<LiveMessage> messages =
        IntStream.range(0, count).mapToObj(i -> catalogue(AEROLUX)).toList();
    messages.forEach(message -> connections.publish(List.of(message)));
    return messages;
  }

  private static List<String> positions(List<LiveMessage> messages) {
    return messages.stream().map(LiveMessage::position).toList();
  }

  private static Caller signedIn(AirtixPrincipal principal, Instant issuedAt) {
    return signedIn(principal, issuedAt, Instant.now().plus(Duration.ofHours(1)));
  }

  private static Caller signedIn(AirtixPrincipal principal, Instant issuedAt, Instant expiresAt) {
    return CallerMother.signedIn(principal, issuedAt, expiresAt);
  }

  private void assertRevoked(Connection connection) {
    TestClient client = clientOf(connection);
    assertThat(connection.ended()).isTrue();
    assertThat(client.completed()).isTrue();
    assertThat(client.last().type()).isEqualTo(MessageTypes.GOODBYE);
    assertThat(client.last().position()).isNull();
    assertThat(TestClient.data(client.last()).path("reason").asString()).isEqualTo("revoked");
  }

  private void assertOpen(Connection... open) {
    for (Connection connection : open) {
      assertThat(connection.ended()).as("connection of %s", connection.caller()).isFalse();
      assertThat(clientOf(connection).completed()).isFalse();
      assertThat(clientOf(connection).types()).doesNotContain(MessageTypes.GOODBYE);
    }
  }
}
