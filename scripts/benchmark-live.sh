#!/usr/bin/env bash
# The live-updates benchmark (docs/benchmarks.md, "Live updates"), one command: starts the live service and the
# gateway from the launcher jar with the Spring profile "distributed", each in a process of its own on ports of their
# own (live 18086, its management 19086; gateway 18080, its management 18090), the live service on a RabbitMQ virtual
# host of its own (airtix-bench-live, created for the run and deleted afterwards), so the machine's other Airtix runs
# and tests share nothing with it but the broker. Then runs the benchmark program (benchmarks/…/live/LiveBenchmark,
# built by Maven with the profile "benchmarks", run with java -cp) which measures, in this order:
#   1. idle connections held on one instance: LIVE_BENCH_CONNECTIONS anonymous SSE streams directly, as many
#      through the gateway as its descriptors allow (LIVE_BENCH_GATEWAY_CONNECTIONS), then the same over WebSockets;
#      the memory they take in the live service and the gateway (heap after a full GC through jcmd, resident set) and
#      the CPU while they are held (a heartbeat every 25 s); the service's own gauge airtix_live_connections says
#      they are all open;
#   2. latency from an event's publication to the clients: LIVE_BENCH_SUBSCRIBERS SSE subscribers, of which
#      LIVE_BENCH_EVERYTHING unfiltered and the others each filtered to one of LIVE_BENCH_TICKETS tickets, while
#      LIVE_BENCH_RATE price changes a second (ticket.updated, published to airtix.events as the tickets service
#      publishes them) go round-robin over the tickets: LIVE_BENCH_WARM_UP_SECONDS of warm-up, then
#      LIVE_BENCH_SECONDS measured; p50/p95/p99/max, every message accounted for, the CPU of each process; directly
#      and through the gateway.
# The live service needs no Keycloak for anonymous connections: its issuer names a port where nothing answers, and
# nothing asks it. Its deny-list stays in memory (no Redis): no connection of the run has a token.
#
# Needs RabbitMQ with rabbitmqctl on this machine (RABBITMQ_HOST, RABBITMQ_PORT, RABBITMQ_USERNAME, RABBITMQ_PASSWORD;
# default localhost:5672 guest/guest), curl, the launcher built (built here when missing, like scripts/benchmark.sh:
# never rebuilt, the benchmark measures what was built), a descriptor limit of at least 20,000 per process
# (ulimit -Hn), and the ports above free: it refuses to run when something listens there. Nothing else heavy should
# run on the machine meanwhile. Phases: LIVE_BENCH_PHASES (default idle-sse,idle-sse-gateway,idle-ws,
# idle-ws-gateway,latency,latency-gateway). Load: LIVE_BENCH_CONNECTIONS (10000), LIVE_BENCH_GATEWAY_CONNECTIONS
# (9000: the gateway holds two descriptors per connection under the limit of 20,000 per process),
# LIVE_BENCH_IDLE_HOLD_SECONDS (30), LIVE_BENCH_SUBSCRIBERS (1000), LIVE_BENCH_EVERYTHING (10), LIVE_BENCH_TICKETS
# (200), LIVE_BENCH_RATE (200 events/s), LIVE_BENCH_WARM_UP_SECONDS (30), LIVE_BENCH_SECONDS (60). JVM options:
# LIVE_BENCH_JAVA_OPTS for the live service and the gateway (none by default: as scripts/run-distributed.sh starts
# them), LIVE_BENCH_CLIENT_JAVA_OPTS for the benchmark program (-Xmx2g). Maven's own options (e.g. its local
# repository) come from MAVEN_ARGS. A run takes about 7 minutes.
# Results: $data_dir/results/ ($data_dir: AIRTIX_BENCH_LIVE_DATA_DIR, default data/benchmark-live): summary.md (the
# tables), benchmark.log, heap-<phase>-live.md and heap-<phase>-gateway.md (what grew in the heap with the idle
# connections, by class, per connection), latency-<phase>-<group>.tsv (each second of the measured window: messages,
# the slowest, how many took over 50 ms), machine.txt (load and top processes every 10 s), client-gc.log; the
# services' logs and GC logs in $data_dir/logs/.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=lib/launcher.sh
source "$root/scripts/lib/launcher.sh"

rabbit_host="${RABBITMQ_HOST:-localhost}" rabbit_port="${RABBITMQ_PORT:-5672}"
rabbit_user="${RABBITMQ_USERNAME:-guest}" rabbit_password="${RABBITMQ_PASSWORD:-guest}"
vhost=airtix-bench-live
data_dir="${AIRTIX_BENCH_LIVE_DATA_DIR:-$root/data/benchmark-live}"
results="$data_dir/results"
live_port=18086 live_management=19086 gateway_port=18080 gateway_management=18090
# nothing answers there, and nothing asks: anonymous connections need no token checked
issuer="http://127.0.0.1:18199/realms/airtix"

for tool in curl rabbitmqctl; do
  command -v "$tool" >/dev/null || { echo "The live benchmark needs $tool." >&2; exit 1; }
done
java="$(airtix_java)"
jdk_bin="$(dirname "$(readlink -f "$(command -v "$java")")")"
jcmd="$jdk_bin/jcmd"
[ -x "$jcmd" ] || { echo "The live benchmark needs jcmd beside $java (a JDK, not a JRE)." >&2; exit 1; }
if [ "$(ulimit -Hn)" != unlimited ] && [ "$(ulimit -Hn)" -lt 20000 ]; then
  echo "The live benchmark holds 10,000 connections in one process: raise the descriptor limit (ulimit -Hn is" \
    "$(ulimit -Hn), 20,000 needed)." >&2
  exit 1
fi
ulimit -n "$(ulimit -Hn)"
for port in "$live_port" "$live_management" "$gateway_port" "$gateway_management"; do
  if timeout 2 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1"' _ "$port" 2>/dev/null; then
    echo "Something listens on port $port already (another run of this benchmark?): not starting." >&2
    exit 1
  fi
done

# never rebuilds a launcher that exists: the benchmark measures what was built
airtix_build_if_missing "$root"
jar="$(airtix_launcher_jar "$root")"
rm -rf "$results" "$data_dir/logs"
mkdir -p "$data_dir/logs" "$results"
# a copy, so a rebuild of the launcher during the run cannot pull classes from under the running services
cp "$jar" "$data_dir/airtix-launcher.jar"
jar="$data_dir/airtix-launcher.jar"

# the benchmark program and its class path, built before anything is measured
echo "Building the benchmark program"
(cd "$root" && ./mvnw -B -q -ntp -Pbenchmarks -pl benchmarks test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$data_dir/classpath.txt")
classpath="$root/benchmarks/target/test-classes:$(cat "$data_dir/classpath.txt")"

pids=()
stop_all() {
  local status=$?
  trap - EXIT INT TERM
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
    kill -TERM "${pids[$i]}" 2>/dev/null || true
  done
  wait "${pids[@]}" 2>/dev/null || true
  rabbitmqctl -q delete_vhost "$vhost" 2>/dev/null || true
  exit "$status"
}
trap stop_all EXIT
trap 'exit 130' INT TERM

rabbitmqctl -q delete_vhost "$vhost" 2>/dev/null || true
rabbitmqctl -q add_vhost "$vhost"
rabbitmqctl -q set_permissions -p "$vhost" "$rabbit_user" ".*" ".*" ".*"

echo "Starting the live service and the gateway (logs: $data_dir/logs)"
# shellcheck disable=SC2086 # the options are words
env SPRING_PROFILES_ACTIVE=distributed AIRTIX_SECURITY_ISSUER_URI="$issuer" \
  RABBITMQ_HOST="$rabbit_host" RABBITMQ_PORT="$rabbit_port" RABBITMQ_USERNAME="$rabbit_user" \
  RABBITMQ_PASSWORD="$rabbit_password" SPRING_RABBITMQ_VIRTUALHOST="$vhost" AIRTIX_REDIS_ENABLED=false \
  SERVER_PORT="$live_port" MANAGEMENT_SERVER_PORT="$live_management" \
  "$java" ${LIVE_BENCH_JAVA_OPTS:-} -Xlog:gc:file="$data_dir/logs/live-gc.log":time,uptime \
  -jar "$jar" --only live --data-dir "$data_dir" \
  >"$data_dir/logs/live.log" 2>&1 &
pids+=("$!")
live_pid="$!"
# only the live service is routed anywhere that answers; the others' addresses stay the defaults, never called
# shellcheck disable=SC2086
env SPRING_PROFILES_ACTIVE=distributed SERVER_PORT="$gateway_port" MANAGEMENT_SERVER_PORT="$gateway_management" \
  AIRTIX_GATEWAY_SERVICES_LIVE="http://localhost:$live_port" \
  "$java" ${LIVE_BENCH_JAVA_OPTS:-} -Xlog:gc:file="$data_dir/logs/gateway-gc.log":time,uptime \
  -jar "$jar" --only gateway --data-dir "$data_dir" \
  >"$data_dir/logs/gateway.log" 2>&1 &
pids+=("$!")
gateway_pid="$!"
airtix_await_url live "http://127.0.0.1:$live_management/actuator/health" 300 "$data_dir/logs"
airtix_await_url gateway "http://127.0.0.1:$gateway_management/actuator/health" 300 "$data_dir/logs"
# the live service's own queue consumes before anything is published
started=$SECONDS
until [[ "$(rabbitmqctl -q list_queues -p "$vhost" name consumers 2>/dev/null || true)" =~ live\.events\.[^[:space:]]*[[:space:]]+1 ]]; do
  if ((SECONDS - started > 60)); then
    echo "The live service's queue has no consumer after 60 s; see $data_dir/logs/live.log." >&2
    exit 1
  fi
  sleep 1
done
broker_pid="$(pgrep -o -x beam.smp || echo 0)"

# what else the machine was doing meanwhile
sample_machine() {
  while true; do
    date -u +%T
    cat /proc/loadavg
    # top's second frame: the CPU of the last second, not of the processes' lifetime
    top -b -n 2 -d 1 -w 160 | awk '/^top -/ { frame++ } frame == 2' | head -n 14 || true
    sleep 9
  done >"$results/machine.txt"
}
sample_machine &
pids+=("$!")

{
  echo "Machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB, $(uname -sr)"
  echo "Load before: $(cat /proc/loadavg)"
  echo "Services' Java: $("$java" -version 2>&1 | head -n 2 | tail -n 1)"
  echo "Launcher: $(airtix_launcher_jar "$root")"
} | tee "$results/machine-before.txt"

echo "Running the benchmark"
started=$SECONDS
status=0
# shellcheck disable=SC2086
"$java" ${LIVE_BENCH_CLIENT_JAVA_OPTS:--Xmx2g} -Xlog:gc:file="$results/client-gc.log":time,uptime -cp "$classpath" \
  -Dlogback.configurationFile="$root/benchmarks/src/test/resources/live-benchmark-logback.xml" \
  -Dairtix.live-bench.live="http://localhost:$live_port" \
  -Dairtix.live-bench.live-management="http://127.0.0.1:$live_management" \
  -Dairtix.live-bench.gateway="http://localhost:$gateway_port" \
  -Dairtix.live-bench.gateway-management="http://127.0.0.1:$gateway_management" \
  -Dairtix.live-bench.live-pid="$live_pid" -Dairtix.live-bench.gateway-pid="$gateway_pid" \
  -Dairtix.live-bench.broker-pid="$broker_pid" -Dairtix.live-bench.jcmd="$jcmd" \
  -Dairtix.live-bench.broker-host="$rabbit_host" -Dairtix.live-bench.broker-port="$rabbit_port" \
  -Dairtix.live-bench.broker-username="$rabbit_user" -Dairtix.live-bench.broker-password="$rabbit_password" \
  -Dairtix.live-bench.broker-virtual-host="$vhost" \
  -Dairtix.live-bench.phases="${LIVE_BENCH_PHASES:-}" \
  -Dairtix.live-bench.connections="${LIVE_BENCH_CONNECTIONS:-10000}" \
  -Dairtix.live-bench.gateway-connections="${LIVE_BENCH_GATEWAY_CONNECTIONS:-9000}" \
  -Dairtix.live-bench.idle-hold-seconds="${LIVE_BENCH_IDLE_HOLD_SECONDS:-30}" \
  -Dairtix.live-bench.subscribers="${LIVE_BENCH_SUBSCRIBERS:-1000}" \
  -Dairtix.live-bench.everything="${LIVE_BENCH_EVERYTHING:-10}" \
  -Dairtix.live-bench.tickets="${LIVE_BENCH_TICKETS:-200}" \
  -Dairtix.live-bench.rate="${LIVE_BENCH_RATE:-200}" \
  -Dairtix.live-bench.warm-up-seconds="${LIVE_BENCH_WARM_UP_SECONDS:-30}" \
  -Dairtix.live-bench.seconds="${LIVE_BENCH_SECONDS:-60}" \
  -Dairtix.live-bench.results="$results" \
  io.airtix.benchmarks.live.LiveBenchmark 2>&1 | tee "$results/benchmark.log" || status=$?
echo "The benchmark took $((SECONDS - started)) s"
echo "Connections the live service dropped as too slow: $(grep -c 'does not keep up' "$data_dir/logs/live.log" || true)"
echo "Results: $results"
exit "$status"
