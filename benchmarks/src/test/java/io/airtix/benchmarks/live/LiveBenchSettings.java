package io.airtix.benchmarks.live;

import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * What the live-updates benchmark runs against and how hard it pushes; system properties {@code
 * airtix.live-bench.*}, given by scripts/benchmark-live.sh.
 *
 * @param live the live service, called directly
 * @param liveManagement its management port (the {@code airtix_live_connections} gauge)
 * @param gateway the gateway in front of it
 * @param gatewayManagement the gateway's management port
 * @param livePid the live service's process, for its memory and CPU
 * @param gatewayPid the gateway's process; 0 when none runs (the through-the-gateway phases fail)
 * @param brokerPid RabbitMQ's process ({@code beam.smp}), for its CPU; 0 to leave it out
 * @param jcmd the {@code jcmd} of the services' JDK
 * @param connections idle connections held directly on the live service
 * @param gatewayConnections idle connections held through the gateway, which needs two descriptors
 *     for each (the client's and the one to the live service) under a limit per process
 * @param subscribers subscribers of the latency phases, those receiving everything included
 * @param everything subscribers without a filter, who receive every event
 * @param tickets tickets the events are spread over, round-robin: each gets {@code rate / tickets}
 *     events a second, and each filtered subscriber follows one of them
 * @param rate events published per second
 * @param warmUpSeconds events published before the measured window
 * @param seconds the measured window
 * @param idleHoldSeconds how long the idle connections are held once open (a heartbeat every 25 s)
 * @param phases which phases run, in this order
 */
record LiveBenchSettings(
    URI live,
    URI liveManagement,
    URI gateway,
    URI gatewayManagement,
    long livePid,
    long gatewayPid,
    long brokerPid,
    String jcmd,
    String brokerHost,
    int brokerPort,
    String brokerUsername,
    String brokerPassword,
    String brokerVirtualHost,
    int connections,
    int gatewayConnections,
    int subscribers,
    int everything,
    int tickets,
    int rate,
    int warmUpSeconds,
    int seconds,
    int idleHoldSeconds,
    List<String> phases,
    Path results) {

  /** Every phase, in the order the benchmark runs them by default. */
  static final List<String> ALL_PHASES =
      List.of(
          "idle-sse",
          "idle-sse-gateway",
          "idle-ws",
          "idle-ws-gateway",
          "latency",
          "latency-gateway");

  static LiveBenchSettings fromSystemProperties() {
    return new LiveBenchSettings(
        URI.create(property("live", "http://localhost:18086")),
        URI.create(property("live-management", "http://127.0.0.1:19086")),
        URI.create(property("gateway", "http://localhost:18080")),
        URI.create(property("gateway-management", "http://127.0.0.1:18090")),
        Long.parseLong(property("live-pid", "0")),
        Long.parseLong(property("gateway-pid", "0")),
        Long.parseLong(property("broker-pid", "0")),
        property("jcmd", "jcmd"),
        property("broker-host", "localhost"),
        Integer.parseInt(property("broker-port", "5672")),
        property("broker-username", "guest"),
        property("broker-password", "guest"),
        property("broker-virtual-host", "airtix-bench-live"),
        Integer.parseInt(property("connections", "10000")),
        Integer.parseInt(property("gateway-connections", "9000")),
        Integer.parseInt(property("subscribers", "1000")),
        Integer.parseInt(property("everything", "10")),
        Integer.parseInt(property("tickets", "200")),
        Integer.parseInt(property("rate", "200")),
        Integer.parseInt(property("warm-up-seconds", "30")),
        Integer.parseInt(property("seconds", "60")),
        Integer.parseInt(property("idle-hold-seconds", "30")),
        Arrays.stream(property("phases", String.join(",", ALL_PHASES)).split(","))
            .map(String::trim)
            .filter(phase -> !phase.isEmpty())
            .toList(),
        Path.of(property("results", "target/live-benchmark")));
  }

  private static String property(String name, String fallback) {
    String value = System.getProperty("airtix.live-bench." + name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
