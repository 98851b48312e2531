#!/usr/bin/env bash
# The sale's benchmark (docs/benchmarks.md), one command: starts Keycloak on PostgreSQL and the tickets, orders and
# tenants services with the Spring profile "distributed" on ports of their own (Keycloak 18180, tickets 18081, orders
# 18082, tenants 18085; their health on 19081, 19082, 19085), on databases of their own (airtix_bench_*, dropped and
# made afresh on every run) and a RabbitMQ virtual host of their own (airtix-bench), so the machine's other Airtix runs
# and tests share nothing with it but the servers. Then runs the Gatling simulation (benchmarks/, profile
# "benchmarks"): setup through the real APIs, warm-up, the ceiling GET, reservations of distinct tickets (with a JFR
# recording of the orders service), the hot ticket. Meanwhile it samples the CPU time of each process (the services, Keycloak, Gatling, PostgreSQL,
# RabbitMQ, Redis) for the CPU each spends per request of a scenario. Afterwards it prints the orders service's hot
# methods and PostgreSQL's plans for the reservation's statements, and stops everything it started.
#
# Needs PostgreSQL (PGHOST/PGPORT/PGUSER, default 127.0.0.1:5432 postgres), RabbitMQ with rabbitmqctl on this machine
# (default localhost:5672 guest/guest), Redis (default localhost:6379), psql, curl, jq, unzip, jcmd and a built
# launcher (./airtix builds it). Load: BENCH_CONCURRENCY (8), BENCH_REQUESTS_PER_USER (300 reservations),
# BENCH_CEILING_REQUESTS_PER_USER (750 GETs: both measured windows about as long), BENCH_CUSTOMERS (200),
# BENCH_AIRLINES (4), BENCH_HOT_ATTEMPTS_PER_USER (40), BENCH_WARM_UP_REQUESTS_PER_USER (600 of each kind),
# BENCH_SETTLE_SECONDS (15 s without load after the warm-up), and for the steady-rate scenarios BENCH_STEADY_RATE
# (40 requests/s) and BENCH_STEADY_SECONDS (30). The services' JVM options:
# BENCH_JAVA_OPTS (default below). Maven's own options (e.g. its local repository) come from MAVEN_ARGS.
# Results: benchmarks/target/gatling/, $data_dir/results/.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=lib/launcher.sh
source "$root/scripts/lib/launcher.sh"

export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
rabbit_host="${RABBITMQ_HOST:-localhost}" rabbit_port="${RABBITMQ_PORT:-5672}"
rabbit_user="${RABBITMQ_USERNAME:-guest}" rabbit_password="${RABBITMQ_PASSWORD:-guest}"
vhost=airtix-bench
redis_host="${REDIS_HOST:-localhost}" redis_port="${REDIS_PORT:-6379}"
data_dir="${AIRTIX_BENCH_DATA_DIR:-$root/data/benchmark}"
results="$data_dir/results"
keycloak_port=18180
keycloak_url="http://localhost:$keycloak_port"
issuer="$keycloak_url/realms/airtix"
admin_password="Bench-Admin-$(date +%s)"

for tool in psql curl jq unzip jcmd rabbitmqctl; do
  command -v "$tool" >/dev/null || { echo "The benchmark needs $tool." >&2; exit 1; }
done
java="$(airtix_java)"
# never rebuilds a launcher that exists: the benchmark measures what was built
airtix_build_if_missing "$root"
jar="$(airtix_launcher_jar "$root")"
rm -rf "$results" "$data_dir/logs"
mkdir -p "$data_dir/logs" "$results"
# a copy, so a rebuild of the launcher during the run cannot pull classes from under the running services
cp "$jar" "$data_dir/airtix-launcher.jar"
jar="$data_dir/airtix-launcher.jar"

for db in airtix_bench_keycloak airtix_bench_tickets airtix_bench_orders; do
  psql -d postgres -qc "drop database if exists $db with (force)" -c "create database $db"
done
rabbitmqctl -q add_vhost "$vhost" 2>/dev/null || true
rabbitmqctl -q set_permissions -p "$vhost" "$rabbit_user" ".*" ".*" ".*"

pids=()
stop_all() {
  trap - EXIT INT TERM
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
    pkill -TERM -P "${pids[$i]}" 2>/dev/null || true
    kill -TERM "${pids[$i]}" 2>/dev/null || true
  done
  wait "${pids[@]}" 2>/dev/null || true
}
trap stop_all EXIT
trap 'exit 130' INT TERM

# Keycloak as the launcher installs it (distribution, the Airtix extension, the realm), on a port of its own
keycloak_home="$data_dir/keycloak"
if [ ! -x "$keycloak_home/bin/kc.sh" ]; then
  rm -rf "$keycloak_home" "$data_dir/keycloak-unpacked"
  unzip -q "$root/launcher/target/keycloak/keycloak-quarkus-dist-"*.zip -d "$data_dir/keycloak-unpacked"
  mv "$data_dir/keycloak-unpacked/"keycloak-* "$keycloak_home"
  rm -rf "$data_dir/keycloak-unpacked"
fi
cp "$root/launcher/target/keycloak/airtix-keycloak-extensions.jar" "$keycloak_home/providers/"
# the realm's password policy names this list: Keycloak refuses a realm whose list it cannot find
mkdir -p "$keycloak_home/data/password-blacklists"
cp "$root/launcher/target/keycloak/password-blacklists/"*.txt "$keycloak_home/data/password-blacklists/"
mkdir -p "$keycloak_home/data/import"
cp "$root/launcher/target/keycloak/realm-export.json" "$keycloak_home/data/import/airtix-realm.json"

echo "Starting Keycloak and the services (logs: $data_dir/logs)"
env JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$(command -v "$java")")")")" \
  KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD="$admin_password" \
  KC_DB=postgres KC_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/airtix_bench_keycloak" KC_DB_USERNAME="$PGUSER" \
  KC_DB_PASSWORD="${PGPASSWORD:-}" \
  KC_SPI_EVENTS_LISTENER__AIRTIX__BROKER_HOST="$rabbit_host" KC_SPI_EVENTS_LISTENER__AIRTIX__BROKER_PORT="$rabbit_port" \
  KC_SPI_EVENTS_LISTENER__AIRTIX__BROKER_USERNAME="$rabbit_user" \
  KC_SPI_EVENTS_LISTENER__AIRTIX__BROKER_PASSWORD="$rabbit_password" \
  KC_SPI_EVENTS_LISTENER__AIRTIX__BROKER_VIRTUAL_HOST="$vhost" \
  "$keycloak_home/bin/kc.sh" start-dev --http-port "$keycloak_port" --http-management-port 19180 --import-realm \
  --hostname "$keycloak_url" >"$data_dir/logs/keycloak.log" 2>&1 &
pids+=("$!")
keycloak_pid="$!"

# The reservation limits of decision 0011 (20 a minute per customer, 100/s per airline) would measure the limiter's
# 429s, not the sale: raised far above the load, still counted in Redis on every reservation. Each customer holds
# hundreds of tickets at once, far more than the six a customer may hold (decision 0025): that limit is raised too,
# still counted on every reservation.
service_env=(SPRING_PROFILES_ACTIVE=distributed AIRTIX_SECURITY_ISSUER_URI="$issuer"
  POSTGRES_HOST="$PGHOST" POSTGRES_PORT="$PGPORT" POSTGRES_USER="$PGUSER" POSTGRES_PASSWORD="${PGPASSWORD:-}"
  RABBITMQ_HOST="$rabbit_host" RABBITMQ_PORT="$rabbit_port" RABBITMQ_USERNAME="$rabbit_user"
  RABBITMQ_PASSWORD="$rabbit_password" SPRING_RABBITMQ_VIRTUALHOST="$vhost"
  REDIS_HOST="$redis_host" REDIS_PORT="$redis_port" AIRTIX_RATELIMITS_KEYPREFIX="airtix:bench:rate-limit:"
  AIRTIX_ORDERS_RATELIMITS_PERUSER_CAPACITY=1000000 AIRTIX_ORDERS_RATELIMITS_PERAIRLINE_CAPACITY=1000000
  AIRTIX_ORDERS_MAXHOLDS=1000000)
start() {
  local component="$1" port="$2"
  shift 2
  # health on the management port, main port + 1000 (decision 0031), clear of a run on the usual ports
  env "${service_env[@]}" SERVER_PORT="$port" MANAGEMENT_SERVER_PORT="$((port + 1000))" "$@" \
    "$java" ${BENCH_JAVA_OPTS:-} -jar "$jar" --only "$component" --data-dir "$data_dir" \
    >"$data_dir/logs/$component.log" 2>&1 &
  pids+=("$!")
}
start tickets 18081 POSTGRES_DB=airtix_bench_tickets
tickets_pid="$!"
start orders 18082 POSTGRES_DB=airtix_bench_orders
orders_pid="$!"
# generous: on a machine busy with other work a service has needed 6 minutes to start
airtix_await_url tickets http://localhost:19081/actuator/health 600 "$data_dir/logs"
airtix_await_url orders http://localhost:19082/actuator/health 600 "$data_dir/logs"
airtix_await_url Keycloak "$issuer/.well-known/openid-configuration" 600 "$data_dir/logs"

admin_token="$(curl -fs "$keycloak_url/realms/master/protocol/openid-connect/token" -d grant_type=password \
  -d client_id=admin-cli -d username=admin --data-urlencode "password=$admin_password" | jq -r .access_token)"
tenants_client="$(curl -fs -H "Authorization: Bearer $admin_token" \
  "$keycloak_url/admin/realms/airtix/clients?clientId=tenants" | jq -r '.[0].id')"
tenants_secret="$(curl -fs -H "Authorization: Bearer $admin_token" \
  "$keycloak_url/admin/realms/airtix/clients/$tenants_client/client-secret" | jq -r .value)"
start tenants 18085 AIRTIX_TENANTS_KEYCLOAK_SERVER_URL="$keycloak_url" \
  AIRTIX_TENANTS_KEYCLOAK_CLIENT_SECRET="$tenants_secret"
tenants_pid="$!"
airtix_await_url tenants http://localhost:19085/actuator/health 600 "$data_dir/logs"

# CPU time of each process, for the CPU per request of each scenario in the summary; Gatling is Maven's process
# (started with -Pbenchmarks below) and the JVM it forks
"$root/scripts/lib/benchmark-cpu.py" "$results/cpu.jsonl" orders="pid:$orders_pid" tickets="pid:$tickets_pid" \
  tenants="pid:$tenants_pid" Keycloak="pid:$keycloak_pid" Gatling="cmdline:-Pbenchmarks" postgres=comm:postgres \
  RabbitMQ=comm:beam.smp redis=comm:redis-server &
pids+=("$!")

# PostgreSQL without pg_stat_statements loaded (it needs a server restart): what the orders database's sessions are
# doing, sampled five times a second while the distinct-tickets scenario runs (the JFR recording's marker file)
sample_postgres() {
  while true; do
    [ -f "$results/reservations.jfr.active" ] && psql -d postgres -qAtF $'\t' -c "select state, coalesce(wait_event_type, '-'), coalesce(wait_event, '-'),
      regexp_replace(left(query, 120), '\s+', ' ', 'g') from pg_stat_activity
      where datname = 'airtix_bench_orders' and pid <> pg_backend_pid() and state <> 'idle'" || true
    sleep 0.2
  done >"$results/postgres-activity.tsv"
}
sample_postgres &
pids+=("$!")
# what else the machine was doing meanwhile
sample_machine() {
  while true; do
    [ -f "$results/reservations.jfr.active" ] && { date -u +%T; cat /proc/loadavg;
      ps -eo pcpu,args --sort=-pcpu | cut -c1-160 | head -n 8; }
    sleep 5
  done >"$results/machine.txt"
}
sample_machine &
pids+=("$!")

echo "Running the simulation"
started=$SECONDS
(cd "$root" && ./mvnw -B -ntp -Pbenchmarks -pl benchmarks test-compile gatling:test \
  -Dairtix.bench.keycloak="$keycloak_url" -Dairtix.bench.keycloak-admin-password="$admin_password" \
  -Dairtix.bench.orders-jdbc-url="jdbc:postgresql://$PGHOST:$PGPORT/airtix_bench_orders?user=$PGUSER" \
  -Dairtix.bench.tickets-jdbc-url="jdbc:postgresql://$PGHOST:$PGPORT/airtix_bench_tickets?user=$PGUSER" \
  -Dairtix.bench.concurrency="${BENCH_CONCURRENCY:-8}" \
  -Dairtix.bench.requests-per-user="${BENCH_REQUESTS_PER_USER:-300}" \
  -Dairtix.bench.ceiling-requests-per-user="${BENCH_CEILING_REQUESTS_PER_USER:-750}" \
  -Dairtix.bench.customers="${BENCH_CUSTOMERS:-200}" -Dairtix.bench.airlines="${BENCH_AIRLINES:-4}" \
  -Dairtix.bench.hot-attempts-per-user="${BENCH_HOT_ATTEMPTS_PER_USER:-40}" \
  -Dairtix.bench.warm-up-requests-per-user="${BENCH_WARM_UP_REQUESTS_PER_USER:-600}" \
  -Dairtix.bench.settle-seconds="${BENCH_SETTLE_SECONDS:-15}" \
  -Dairtix.bench.steady-rate="${BENCH_STEADY_RATE:-40}" -Dairtix.bench.steady-seconds="${BENCH_STEADY_SECONDS:-30}" \
  -Dairtix.bench.jfr-pid="$orders_pid" -Dairtix.bench.jfr-file="$results/reservations.jfr") \
  | tee "$results/gatling.log"
echo "Simulation finished after $((SECONDS - started)) s"

# Where the time goes: the orders service during the distinct-tickets scenario...
jfr_tool="$(ls /usr/lib/jvm/*25*/bin/jfr 2>/dev/null | head -n 1 || true)"
if [ -n "$jfr_tool" ]; then
  "$jfr_tool" view --width 160 hot-methods "$results/reservations.jfr" >"$results/hot-methods.txt" || true
  "$jfr_tool" view --width 160 gc "$results/reservations.jfr" >"$results/gc.txt" || true
fi
jfr summary "$results/reservations.jfr" >"$results/jfr-summary.txt"
jfr print --json --stack-depth 64 --events jdk.ExecutionSample "$results/reservations.jfr" >"$results/samples.json"
# ...and PostgreSQL: what the tables saw, and the plans of the reservation's statements on the data the run left
psql -d airtix_bench_orders -c "select relname, seq_scan, idx_scan, n_tup_ins, n_tup_upd, n_tup_del
  from pg_stat_user_tables order by relname" >"$results/postgres-tables.txt"
"$root/scripts/lib/benchmark-plans.sh" airtix_bench_orders >"$results/postgres-plans.txt" 2>&1 || true
report="$(ls -d "$root"/benchmarks/target/gatling/salesimulation-* | tail -n 1)"
"$root/scripts/lib/benchmark-summary.py" "$report" "$results/gatling.log" "$results/samples.json" \
  "$results/cpu.jsonl" "$results/summary.md"
cat "$results/summary.md"
echo "Results: $report and $results"
