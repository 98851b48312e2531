package io.airtix.benchmarks.live;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * The live-updates benchmark (docs/benchmarks.md, "Live updates"), run by scripts/benchmark-live.sh
 * against a live service and a gateway it started: how much memory idle connections take, and how
 * long an event takes from its publication to the clients while many follow the catalogue.
 *
 * <ul>
 *   <li><b>idle-sse</b>, <b>idle-ws</b>: {@code connections} anonymous connections held directly on
 *       the live service (SSE streams filtered to a random ticket, or WebSockets subscribed to
 *       one), counted by the service's own gauge, with the live service's heap after a full
 *       collection and its resident set before and after: the difference over the count is what one
 *       connection costs. Then held {@code idleHoldSeconds} (a heartbeat every 25 s) with the CPU
 *       they take, and closed.
 *   <li><b>idle-sse-gateway</b>, <b>idle-ws-gateway</b>: the same through the gateway, {@code
 *       gatewayConnections} of them, with the gateway's memory too.
 *   <li><b>latency</b>, <b>latency-gateway</b>: {@code subscribers} SSE subscribers, {@code
 *       everything} of them unfiltered and the others each filtered to one of {@code tickets}
 *       tickets, while {@code rate} price changes a second go round-robin over the tickets: a
 *       warm-up, then the measured window. Every subscriber must receive exactly the changes of its
 *       ticket (or all of them), in order; latency is the client's reading time minus the event's
 *       {@code occurredAt}.
 * </ul>
 *
 * The results are printed and written to {@code <results>/summary.md}; the process exits non-zero
 * when a phase failed or lost a message.
 */
public final class LiveBenchmark {

  /** Connections being opened at once: the live service opens each on a bounded elastic thread. */
  private static final int OPENING_AT_ONCE = 200;

  private static final Duration OPEN_TIMEOUT = Duration.ofSeconds(120);
  private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(30);
  private static final int WARM_UP_CONNECTIONS = 200;

  private final LiveBenchSettings settings;
  private final Probe probe;
  private final List<String> idleRows = new ArrayList<>();
  private final List<String> idleGatewayRows = new ArrayList<>();
  private final List<String> idleCpuRows = new ArrayList<>();
  private final List<String> latencyRows = new ArrayList<>();
  private final List<String> deliveryRows = new ArrayList<>();
  private final List<String> cpuRows = new ArrayList<>();
  private final List<String> heapRows = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private boolean failed;

  private LiveBenchmark(LiveBenchSettings settings) {
    this.settings = settings;
    this.probe = new Probe(settings.jcmd());
  }

  public static void main(String[] args) throws Exception {
    LiveBenchSettings settings = LiveBenchSettings.fromSystemProperties();
    Files.createDirectories(settings.results());
    LiveBenchmark benchmark = new LiveBenchmark(settings);
    Instant start = Instant.now();
    for (String phase : settings.phases()) {
      benchmark.run(phase);
    }
    String summary = benchmark.summary(start, Instant.now());
    Files.writeString(settings.results().resolve("summary.md"), summary);
    System.out.println();
    System.out.println(summary);
    System.exit(benchmark.failed ? 1 : 0);
  }

  private void run(String phase) {
    log("Phase " + phase);
    try {
      switch (phase) {
        case "idle-sse" -> idle(phase, false, false);
        case "idle-sse-gateway" -> idle(phase, false, true);
        case "idle-ws" -> idle(phase, true, false);
        case "idle-ws-gateway" -> idle(phase, true, true);
        case "latency" -> latency(phase, false);
        case "latency-gateway" -> latency(phase, true);
        default -> throw new IllegalArgumentException("No phase " + phase);
      }
    } catch (RuntimeException | IOException broken) {
      failed = true;
      notes.add("**" + phase + " failed**: " + broken);
      log(phase + " failed: " + broken);
      broken.printStackTrace();
    }
  }

  // ---- idle connections ------------------------------------------------------------------------

  private void idle(String phase, boolean socket, boolean viaGateway) throws IOException {
    int count = viaGateway ? settings.gatewayConnections() : settings.connections();
    URI base = viaGateway ? settings.gateway() : settings.live();
    String transport = socket ? "WebSocket" : "SSE";
    String path = viaGateway ? "through the gateway" : "direct";
    ExecutorService executor = clientExecutor();
    HttpClient client = client(executor);
    IntFunction<Subscriber> connect =
        index -> {
          UUID ticket = UUID.randomUUID();
          return socket
              ? Subscriber.Socket.open(client, socketUri(base), subscribeTo(ticket), null)
              : Subscriber.Stream.open(client, streamUri(base, "?ticket=" + ticket), null);
        };
    try {
      // the code paths compiled and the pools made before anything is measured
      closeAll(openAll(WARM_UP_CONNECTIONS, connect));
      awaitConnections(0);
      Probe.Memory liveBefore = probe.memory(settings.livePid());
      Probe.Memory gatewayBefore = viaGateway ? probe.memory(settings.gatewayPid()) : null;
      Probe.Memory clientBefore = Probe.self();
      Map<String, long[]> liveClassesBefore = probe.classes(settings.livePid());
      Map<String, long[]> gatewayClassesBefore =
          viaGateway ? probe.classes(settings.gatewayPid()) : null;

      long opening = System.nanoTime();
      List<Subscriber> open = openAll(count, connect);
      double openSeconds = (System.nanoTime() - opening) / 1e9;
      int gauge = awaitConnections(count);
      log(
          String.format(
              Locale.ROOT,
              "%,d %s connections open %s in %.1f s; the live service counts %,d",
              open.size(),
              transport,
              path,
              openSeconds,
              gauge));
      Probe.Memory liveAfter = probe.memory(settings.livePid());
      Probe.Memory gatewayAfter = viaGateway ? probe.memory(settings.gatewayPid()) : null;
      Probe.Memory clientAfter = Probe.self();
      // where the heap went, by class: what one connection is made of
      Files.writeString(
          settings.results().resolve("heap-" + phase + "-live.md"),
          Probe.growth(liveClassesBefore, probe.classes(settings.livePid()), count, 40));
      if (viaGateway) {
        Files.writeString(
            settings.results().resolve("heap-" + phase + "-gateway.md"),
            Probe.growth(gatewayClassesBefore, probe.classes(settings.gatewayPid()), count, 40));
      }

      long heartbeats = Subscriber.HEARTBEATS.get();
      long liveCpu = Probe.cpuTicks(settings.livePid());
      long gatewayCpu = viaGateway ? Probe.cpuTicks(settings.gatewayPid()) : 0;
      sleep(Duration.ofSeconds(settings.idleHoldSeconds()));
      double liveCores =
          cores(Probe.cpuTicks(settings.livePid()) - liveCpu, settings.idleHoldSeconds());
      double gatewayCores =
          viaGateway
              ? cores(
                  Probe.cpuTicks(settings.gatewayPid()) - gatewayCpu, settings.idleHoldSeconds())
              : 0;
      long beats = Subscriber.HEARTBEATS.get() - heartbeats;
      int stillCounted = connections();
      long ended = open.stream().filter(Subscriber::ended).count();
      if (stillCounted != count || ended > 0) {
        failed = true;
      }

      Probe.Memory live = liveAfter.minus(liveBefore);
      idleRows.add(
          String.format(
              Locale.ROOT,
              "| %s, %s | %,d / %,d / %,d | %.1f | %s → %s | **%s** | %s → %s | **%s** | %+,d |",
              transport,
              path,
              count,
              open.size(),
              gauge,
              openSeconds,
              mib(liveBefore.heapUsed()),
              mib(liveAfter.heapUsed()),
              kib(live.heapUsed() / (double) count),
              mib(liveBefore.rss()),
              mib(liveAfter.rss()),
              kib(live.rss() / (double) count),
              live.descriptors()));
      if (viaGateway) {
        Probe.Memory gateway = gatewayAfter.minus(gatewayBefore);
        idleGatewayRows.add(
            String.format(
                Locale.ROOT,
                "| %s | %,d | %s → %s | **%s** | %s → %s | **%s** | %,d → %,d (%.2f each) |",
                transport,
                count,
                mib(gatewayBefore.heapUsed()),
                mib(gatewayAfter.heapUsed()),
                kib(gateway.heapUsed() / (double) count),
                mib(gatewayBefore.rss()),
                mib(gatewayAfter.rss()),
                kib(gateway.rss() / (double) count),
                gatewayBefore.descriptors(),
                gatewayAfter.descriptors(),
                gateway.descriptors() / (double) count));
      }
      Probe.Memory clientDelta = clientAfter.minus(clientBefore);
      idleCpuRows.add(
          String.format(
              Locale.ROOT,
              "| %s, %s | %d s | %,d | %,d | %d | %.1f %% | %s | %s / %s |",
              transport,
              path,
              settings.idleHoldSeconds(),
              beats,
              stillCounted,
              ended,
              liveCores * 100,
              viaGateway ? String.format(Locale.ROOT, "%.1f %%", gatewayCores * 100) : "–",
              kib(clientDelta.heapUsed() / (double) count),
              kib(clientDelta.rss() / (double) count)));
      log(
          String.format(
              Locale.ROOT,
              "live heap %s -> %s, RSS %s -> %s, descriptors %d -> %d, threads %d -> %d",
              mib(liveBefore.heapUsed()),
              mib(liveAfter.heapUsed()),
              mib(liveBefore.rss()),
              mib(liveAfter.rss()),
              liveBefore.descriptors(),
              liveAfter.descriptors(),
              liveBefore.threads(),
              liveAfter.threads()));
      if (viaGateway) {
        log(
            String.format(
                Locale.ROOT,
                "gateway heap %s -> %s, RSS %s -> %s, descriptors %d -> %d, threads %d -> %d",
                mib(gatewayBefore.heapUsed()),
                mib(gatewayAfter.heapUsed()),
                mib(gatewayBefore.rss()),
                mib(gatewayAfter.rss()),
                gatewayBefore.descriptors(),
                gatewayAfter.descriptors(),
                gatewayBefore.threads(),
                gatewayAfter.threads()));
      }
      log(
          String.format(
              Locale.ROOT,
              "held %d s: %,d heartbeats, %,d still counted, %d ended; live CPU %.1f %%",
              settings.idleHoldSeconds(),
              beats,
              stillCounted,
              ended,
              liveCores * 100));
      long closing = System.nanoTime();
      closeAll(open);
      awaitConnections(0);
      log(String.format(Locale.ROOT, "closed in %.1f s", (System.nanoTime() - closing) / 1e9));
    } finally {
      executor.shutdownNow();
    }
  }

  // ---- latency ---------------------------------------------------------------------------------

  private void latency(String phase, boolean viaGateway) throws IOException {
    URI base = viaGateway ? settings.gateway() : settings.live();
    String path = viaGateway ? "through the gateway" : "direct";
    List<UUID> tickets = new ArrayList<>();
    for (int i = 0; i < settings.tickets(); i++) {
      tickets.add(UUID.randomUUID());
    }
    Set<UUID> ticketSet = Set.copyOf(tickets);
    Latencies filteredLatencies = new Latencies();
    Latencies everythingLatencies = new Latencies();
    int everything = settings.everything();
    int filtered = settings.subscribers() - everything;
    List<Tally> tallies = new ArrayList<>();
    for (int i = 0; i < settings.subscribers(); i++) {
      tallies.add(
          i < everything
              ? new Tally(null, ticketSet, everythingLatencies)
              : new Tally(
                  tickets.get((i - everything) % tickets.size()), ticketSet, filteredLatencies));
    }
    // the journal keeps every message for clients that come back (5 minutes, 100,000 at most)
    Probe.Memory liveBefore = probe.memory(settings.livePid());
    ExecutorService executor = clientExecutor();
    HttpClient client = client(executor);
    List<Subscriber> open = List.of();
    long published = 0;
    try {
      open =
          openAll(
              tallies.size(),
              index -> {
                Tally tally = tallies.get(index);
                String query = tally.ticket() == null ? "" : "?ticket=" + tally.ticket();
                return Subscriber.Stream.open(client, streamUri(base, query), tally);
              });
      int gauge = awaitConnections(tallies.size());
      log(
          String.format(
              Locale.ROOT,
              "%,d subscribers %s (%,d filtered to one of %,d tickets, %,d unfiltered); the live service"
                  + " counts %,d",
              open.size(),
              path,
              filtered,
              tickets.size(),
              everything,
              gauge));
      double droppedBefore =
          probe.metric(settings.liveManagement(), "airtix_live_dropped_total", null);
      try (EventPublisher publisher = new EventPublisher(settings, tickets)) {
        log("Warm-up: " + settings.rate() + " events/s for " + settings.warmUpSeconds() + " s");
        publisher.publish(settings.rate(), Duration.ofSeconds(settings.warmUpSeconds()));
        long[] before = new long[tickets.size()];
        for (int i = 0; i < before.length; i++) {
          before[i] = publisher.published(i);
        }
        long publishedBefore = publisher.published();
        Instant from = Instant.now();
        filteredLatencies.measureFrom(from);
        everythingLatencies.measureFrom(from);
        long[] cpu = cpuTicks();
        long windowStart = System.nanoTime();
        log("Measuring: " + settings.rate() + " events/s for " + settings.seconds() + " s");
        publisher.publish(settings.rate(), Duration.ofSeconds(settings.seconds()));
        double window = (System.nanoTime() - windowStart) / 1e9;
        long[] cpuAfter = cpuTicks();
        Instant to = Instant.now();

        // everything published is expected everywhere it belongs: wait for the last of it
        long drainStart = System.nanoTime();
        while (System.nanoTime() - drainStart < DRAIN_TIMEOUT.toNanos()
            && !allReceived(tallies, tickets, publisher)) {
          sleep(Duration.ofMillis(100));
        }
        double dropped =
            probe.metric(settings.liveManagement(), "airtix_live_dropped_total", null)
                - droppedBefore;
        published = publisher.published();

        long windowEvents = publisher.published() - publishedBefore;
        for (boolean unfiltered : new boolean[] {false, true}) {
          long expected = 0;
          long expectedInWindow = 0;
          long received = 0;
          long foreign = 0;
          long repeated = 0;
          long goodbyes = 0;
          long others = 0;
          int subscribers = 0;
          int complete = 0;
          for (Tally tally : tallies) {
            if ((tally.ticket() == null) != unfiltered) {
              continue;
            }
            subscribers++;
            int index = unfiltered ? -1 : tickets.indexOf(tally.ticket());
            long wanted = unfiltered ? publisher.published() : publisher.published(index);
            expected += wanted;
            expectedInWindow +=
                unfiltered ? windowEvents : publisher.published(index) - before[index];
            received += tally.received();
            foreign += tally.foreign();
            repeated += tally.repeated();
            goodbyes += tally.goodbyes();
            others += tally.others();
            if (tally.received() == wanted && tally.repeated() == 0 && tally.foreign() == 0) {
              complete++;
            }
          }
          Latencies latencies = unfiltered ? everythingLatencies : filteredLatencies;
          if (complete != subscribers || latencies.count() != expectedInWindow) {
            failed = true;
          }
          String group =
              unfiltered
                  ? "unfiltered (every event)"
                  : "filtered (one ticket, ≈ "
                      + Math.max(1, settings.rate() / tickets.size())
                      + "/s)";
          latencyRows.add(
              String.format(
                  Locale.ROOT,
                  "| %s | %s | %,d | %,d / %,d | %.1f | %.1f | **%.1f** | %.1f | %.1f |",
                  path,
                  group,
                  subscribers,
                  latencies.count(),
                  expectedInWindow,
                  latencies.percentileMillis(50),
                  latencies.percentileMillis(95),
                  latencies.percentileMillis(99),
                  latencies.percentileMillis(99.9),
                  latencies.maxMillis()));
          deliveryRows.add(
              String.format(
                  Locale.ROOT,
                  "| %s | %s | %,d | %,d | %,d | %,d | %,d | %,d | %,d / %,d |",
                  path,
                  unfiltered ? "unfiltered" : "filtered",
                  expected,
                  received,
                  expected - received,
                  foreign,
                  repeated,
                  goodbyes + others,
                  complete,
                  subscribers));
        }
        cpuRows.add(
            String.format(
                Locale.ROOT,
                "| %s | %,d events in %.1f s (%.1f/s) | **%.1f %%** | %s | %.1f %% | %.1f %% | %.0f |",
                path,
                windowEvents,
                window,
                windowEvents / window,
                cores(cpuAfter[0] - cpu[0], window) * 100,
                viaGateway
                    ? String.format(
                        Locale.ROOT, "%.1f %%", cores(cpuAfter[1] - cpu[1], window) * 100)
                    : "–",
                cores(cpuAfter[2] - cpu[2], window) * 100,
                cores(cpuAfter[3] - cpu[3], window) * 100,
                dropped));
        for (boolean unfiltered : new boolean[] {false, true}) {
          Latencies latencies = unfiltered ? everythingLatencies : filteredLatencies;
          String group = unfiltered ? "unfiltered" : "filtered";
          Files.writeString(
              settings.results().resolve("latency-" + phase + "-" + group + ".tsv"),
              latencies.timeline());
          String slow = latencies.slowSeconds();
          log(group + ": seconds of the window with messages over 50 ms: " + slow);
          if (!"none".equals(slow)) {
            notes.add(
                phase
                    + ", "
                    + group
                    + ": seconds of the window (by publication) with messages over 50 ms: "
                    + slow);
          }
        }
        long stillOpen = open.stream().filter(subscriber -> !subscriber.ended()).count();
        if (stillOpen != open.size()) {
          failed = true;
          notes.add(
              phase + ": " + (open.size() - stillOpen) + " subscribers' connections ended early");
        }
        log(
            String.format(
                Locale.ROOT,
                "window %s – %s: %,d events; filtered p50 %.1f p99 %.1f ms; unfiltered p50 %.1f p99"
                    + " %.1f ms; live CPU %.1f %%; %.0f dropped",
                from.truncatedTo(ChronoUnit.SECONDS),
                to.truncatedTo(ChronoUnit.SECONDS),
                windowEvents,
                filteredLatencies.percentileMillis(50),
                filteredLatencies.percentileMillis(99),
                everythingLatencies.percentileMillis(50),
                everythingLatencies.percentileMillis(99),
                cores(cpuAfter[0] - cpu[0], window) * 100,
                dropped));
      }
    } finally {
      closeAll(open);
      awaitConnections(0);
      executor.shutdownNow();
    }
    // the subscribers are gone: what is left is the journal
    Probe.Memory liveAfter = probe.memory(settings.livePid());
    heapRows.add(
        String.format(
            Locale.ROOT,
            "| %s | %,d | %s → %s | %s → %s | %s |",
            path,
            published,
            mib(liveBefore.heapUsed()),
            mib(liveAfter.heapUsed()),
            mib(liveBefore.rss()),
            mib(liveAfter.rss()),
            kib((liveAfter.heapUsed() - liveBefore.heapUsed()) / (double) Math.max(1, published))));
  }

  private static boolean allReceived(
      List<Tally> tallies, List<UUID> tickets, EventPublisher publisher) {
    for (Tally tally : tallies) {
      long wanted =
          tally.ticket() == null
              ? publisher.published()
              : publisher.published(tickets.indexOf(tally.ticket()));
      if (tally.received() < wanted) {
        return false;
      }
    }
    return true;
  }

  /** CPU ticks so far of the live service, the gateway, RabbitMQ and this JVM. */
  private long[] cpuTicks() {
    return new long[] {
      Probe.cpuTicks(settings.livePid()),
      Probe.cpuTicks(settings.gatewayPid()),
      Probe.cpuTicks(settings.brokerPid()),
      Probe.cpuTicks(ProcessHandle.current().pid())
    };
  }

  private static double cores(long ticks, double seconds) {
    return ticks / Probe.TICKS_PER_SECOND / seconds;
  }

  // ---- connections -----------------------------------------------------------------------------

  private static ExecutorService clientExecutor() {
    AtomicInteger threads = new AtomicInteger();
    return Executors.newFixedThreadPool(
        4,
        task -> {
          Thread thread = new Thread(task, "live-bench-client-" + threads.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
  }

  /** One client for thousands of connections: HTTP/1.1 opens one for each stream. */
  private static HttpClient client(ExecutorService executor) {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(30))
        .executor(executor)
        .build();
  }

  private static URI streamUri(URI base, String query) {
    return base.resolve("/api/live/stream" + query);
  }

  private static URI socketUri(URI base) {
    return URI.create("ws://" + base.getHost() + ":" + base.getPort() + "/api/live");
  }

  private static String subscribeTo(UUID ticket) {
    return "{\"type\":\"subscribe\",\"channels\":[\"catalogue\"],\"ticket\":[\"" + ticket + "\"]}";
  }

  /**
   * Opens {@code count} connections, {@link #OPENING_AT_ONCE} at a time, each ready once welcomed;
   * fails when any could not be opened.
   */
  private List<Subscriber> openAll(int count, IntFunction<Subscriber> connect) {
    Semaphore opening = new Semaphore(OPENING_AT_ONCE);
    List<Subscriber> open = new ArrayList<>(count);
    AtomicInteger refused = new AtomicInteger();
    AtomicReference<Throwable> firstRefusal = new AtomicReference<>();
    long deadline = System.nanoTime() + OPEN_TIMEOUT.toNanos();
    try {
      for (int i = 0; i < count; i++) {
        if (!opening.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
          throw new IllegalStateException(
              "Only " + i + " of " + count + " connections opened within " + OPEN_TIMEOUT);
        }
        Subscriber subscriber = connect.apply(i);
        open.add(subscriber);
        subscriber
            .ready()
            .whenComplete(
                (welcomed, failure) -> {
                  if (failure != null) {
                    refused.incrementAndGet();
                    firstRefusal.compareAndSet(null, failure);
                  }
                  opening.release();
                });
      }
      if (!opening.tryAcquire(
          OPENING_AT_ONCE, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
        throw new IllegalStateException(
            "Not every one of " + count + " connections was welcomed within " + OPEN_TIMEOUT);
      }
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(interrupted);
    } catch (RuntimeException broken) {
      closeAll(open);
      throw broken;
    }
    if (refused.get() > 0) {
      closeAll(open);
      throw new IllegalStateException(
          refused.get() + " of " + count + " connections failed, the first: " + firstRefusal.get());
    }
    return open;
  }

  private static void closeAll(List<Subscriber> open) {
    open.forEach(Subscriber::close);
  }

  /** Waits until the live service counts {@code expected} connections; returns its count. */
  private int awaitConnections(int expected) {
    long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
    int counted = connections();
    while (counted != expected && System.nanoTime() < deadline) {
      sleep(Duration.ofMillis(250));
      counted = connections();
    }
    if (counted != expected) {
      failed = true;
      notes.add(
          "The live service counted "
              + counted
              + " connections where "
              + expected
              + " were expected");
      log("The live service counts " + counted + " connections, not " + expected);
    }
    return counted;
  }

  private int connections() {
    return (int) probe.metric(settings.liveManagement(), "airtix_live_connections", null);
  }

  // ---- the summary -----------------------------------------------------------------------------

  private String summary(Instant start, Instant end) {
    StringBuilder out = new StringBuilder();
    out.append("# Live updates benchmark\n\n");
    out.append(
        String.format(
            Locale.ROOT,
            "%s – %s UTC; %s%n%n",
            start.truncatedTo(ChronoUnit.SECONDS),
            end.truncatedTo(ChronoUnit.SECONDS),
            failed ? "**FAILED** (see the notes)" : "every phase passed its checks"));
    if (!idleRows.isEmpty()) {
      out.append("## Idle connections: the live service\n\n");
      out.append(
          "| Connections | asked / opened / counted by the service | opened in s | heap after full GC MiB"
              + " | heap per connection | RSS MiB | RSS per connection | descriptors |\n");
      out.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
      idleRows.forEach(row -> out.append(row).append('\n'));
      out.append('\n');
    }
    if (!idleGatewayRows.isEmpty()) {
      out.append("## Idle connections: the gateway\n\n");
      out.append(
          "| Connections | count | heap after full GC MiB | heap per connection | RSS MiB | RSS per"
              + " connection | descriptors |\n");
      out.append("|---|---:|---:|---:|---:|---:|---:|\n");
      idleGatewayRows.forEach(row -> out.append(row).append('\n'));
      out.append('\n');
    }
    if (!idleCpuRows.isEmpty()) {
      out.append("## Idle connections: held open\n\n");
      out.append(
          "| Connections | held | heartbeats received | still counted | ended | live CPU | gateway CPU |"
              + " client heap / RSS per connection |\n");
      out.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
      idleCpuRows.forEach(row -> out.append(row).append('\n'));
      out.append('\n');
    }
    if (!latencyRows.isEmpty()) {
      out.append(
          String.format(
              Locale.ROOT,
              "## Latency: publication to client, %,d subscribers, %d events/s, %d s measured after"
                  + " %d s of warm-up%n%n",
              settings.subscribers(),
              settings.rate(),
              settings.seconds(),
              settings.warmUpSeconds()));
      out.append(
          "| Path | Subscribers | count | measured / expected messages | p50 ms | p95 ms | p99 ms |"
              + " p99.9 ms | max ms |\n");
      out.append("|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
      latencyRows.forEach(row -> out.append(row).append('\n'));
      out.append('\n');
      out.append("## Latency: delivery, warm-up included\n\n");
      out.append(
          "| Path | Subscribers | expected | received | missing | foreign | repeated or out of order |"
              + " other messages | subscribers with exactly theirs |\n");
      out.append("|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
      deliveryRows.forEach(row -> out.append(row).append('\n'));
      out.append('\n');
      out.append("## Latency: CPU during the measured window (100 % = one core)\n\n");
      out.append(
          "| Path | events | live service | gateway | RabbitMQ | benchmark (clients and publisher) |"
              + " connections dropped (too-slow) |\n");
      out.append("|---|---:|---:|---:|---:|---:|---:|\n");
      cpuRows.forEach(row -> out.append(row).append('\n'));
      out.append('\n');
      out.append(
          "## Latency: the live service's heap after a full GC, before the subscribers came and after"
              + " they left (the journal keeps the messages of 5 minutes, 100,000 at most)\n\n");
      out.append("| Path | events published | heap MiB | RSS MiB | heap per event published |\n");
      out.append("|---|---:|---:|---:|---:|\n");
      heapRows.forEach(row -> out.append(row).append('\n'));
      out.append('\n');
    }
    if (!notes.isEmpty()) {
      out.append("## Notes\n\n");
      notes.forEach(note -> out.append("- ").append(note).append('\n'));
    }
    return out.toString();
  }

  private static String mib(long bytes) {
    return String.format(Locale.ROOT, "%.1f", bytes / 1024.0 / 1024.0);
  }

  private static String kib(double bytes) {
    return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
  }

  private static void log(String line) {
    System.out.println(
        "[live-bench " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "] " + line);
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(interrupted);
    }
  }
}
