package io.airtix.benchmarks.live;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What one subscriber received of the benchmark's price changes ({@code ticket.changed}): how many,
 * whether any was foreign to its subscription, came twice or out of order, or was skipped (each
 * ticket's versions count 1, 2, 3, … in publishing order), and each one's latency.
 */
final class Tally {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final UUID ticket;
  private final Set<UUID> tickets;
  private final Latencies latencies;
  private final Map<UUID, Long> lastVersion = new HashMap<>();
  private long received;
  private long foreign;
  private long repeated;
  private long skipped;
  private long goodbyes;
  private long others;

  /**
   * @param ticket the one ticket followed; null for a subscriber of everything
   * @param tickets every ticket of the run: a subscriber of everything gets them all, and nothing
   *     else
   */
  Tally(UUID ticket, Set<UUID> tickets, Latencies latencies) {
    this.ticket = ticket;
    this.tickets = tickets;
    this.latencies = latencies;
  }

  UUID ticket() {
    return ticket;
  }

  synchronized void received(String type, String json, Instant readAt) {
    if (!"ticket.changed".equals(type)) {
      if ("goodbye".equals(type)) {
        goodbyes++;
      } else {
        others++;
      }
      return;
    }
    JsonNode message = JSON.readTree(json);
    Instant at = Instant.parse(message.path("at").asString());
    JsonNode data = message.path("data");
    UUID id = UUID.fromString(data.path("ticketId").asString());
    if (ticket != null ? !ticket.equals(id) : !tickets.contains(id)) {
      foreign++;
      return;
    }
    received++;
    long version = data.path("version").asLong();
    long previous = lastVersion.getOrDefault(id, 0L);
    if (version <= previous) {
      repeated++;
    } else {
      skipped += version - previous - 1;
      lastVersion.put(id, version);
    }
    latencies.record(at, readAt);
  }

  synchronized long received() {
    return received;
  }

  synchronized long foreign() {
    return foreign;
  }

  /** Messages that came again, or after a later one of the same ticket. */
  synchronized long repeated() {
    return repeated;
  }

  /** Versions jumped over: lost on the way, unless they come later out of order. */
  synchronized long skipped() {
    return skipped;
  }

  synchronized long goodbyes() {
    return goodbyes;
  }

  /** Messages of other types than the benchmark's (none expected). */
  synchronized long others() {
    return others;
  }

  /** The message's type, read from the JSON's start, where the live service writes it. */
  static String type(String json) {
    int start = json.indexOf("\"type\":\"");
    if (start < 0) {
      return null;
    }
    start += 8;
    int end = json.indexOf('"', start);
    return end < 0 ? null : json.substring(start, end);
  }
}
