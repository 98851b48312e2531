package io.airtix.live.connection;

import io.airtix.live.message.Audience;
import io.airtix.live.subscription.Subscription;
import io.airtix.live.subscription.SubscriptionRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Which connections may want a message, so that a message touches its own audience rather than
 * every connection: the catalogue's subscribers by the ticket they follow (or all of the catalogue
 * when they name none), customers by who they are, staff by airline. It narrows, the subscription
 * still decides. Not thread-safe: {@link Connections} holds its lock around it.
 */
final class SubscriberIndex {

  private final Map<Connection, Subscription> indexed = new HashMap<>();
  private final Map<UUID, Set<Connection>> byTicket = new HashMap<>();
  private final Set<Connection> wholeCatalogue = new LinkedHashSet<>();
  private final Map<String, Set<Connection>> byCustomer = new HashMap<>();
  private final Map<String, Set<Connection>> byAirline = new HashMap<>();

  void put(Connection connection, Subscription subscription) {
    remove(connection);
    indexed.put(connection, subscription);
    SubscriptionRequest request = subscription.request();
    if (request.channels().contains(SubscriptionRequest.CATALOGUE)) {
      if (request.tickets().isEmpty()) {
        wholeCatalogue.add(connection);
      } else {
        request.tickets().forEach(ticket -> add(byTicket, ticket, connection));
      }
    }
    if (subscription.customer() != null) {
      add(byCustomer, subscription.customer(), connection);
    }
    for (String channel : request.channels()) {
      String airline = SubscriptionRequest.airlineOf(channel);
      if (airline != null) {
        add(byAirline, airline, connection);
      }
    }
  }

  void remove(Connection connection) {
    Subscription subscription = indexed.remove(connection);
    if (subscription == null) {
      return;
    }
    SubscriptionRequest request = subscription.request();
    wholeCatalogue.remove(connection);
    request.tickets().forEach(ticket -> drop(byTicket, ticket, connection));
    if (subscription.customer() != null) {
      drop(byCustomer, subscription.customer(), connection);
    }
    for (String channel : request.channels()) {
      String airline = SubscriptionRequest.airlineOf(channel);
      if (airline != null) {
        drop(byAirline, airline, connection);
      }
    }
  }

  /** The connections that may want a message for this audience. */
  List<Connection> candidates(Audience audience) {
    List<Connection> candidates = new ArrayList<>();
    if (audience instanceof Audience.Catalogue ticket) {
      candidates.addAll(wholeCatalogue);
      candidates.addAll(byTicket.getOrDefault(ticket.ticket(), Set.of()));
    } else if (audience instanceof Audience.Customer customer) {
      candidates.addAll(byCustomer.getOrDefault(customer.userId(), Set.of()));
    } else if (audience instanceof Audience.Staff staff) {
      candidates.addAll(byAirline.getOrDefault(staff.airline(), Set.of()));
    }
    return candidates;
  }

  private static <K> void drop(Map<K, Set<Connection>> index, K key, Connection connection) {
    Set<Connection> connections = index.get(key);
    if (connections != null && connections.remove(connection) && connections.isEmpty()) {
      index.remove(key);
    }
  }

  private static <K> void add(Map<K, Set<Connection>> index, K key, Connection connection) {
    index.computeIfAbsent(key, any -> new LinkedHashSet<>()).add(connection);
  }
}
