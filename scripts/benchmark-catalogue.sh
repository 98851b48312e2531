#!/usr/bin/env bash
# The catalogue search's benchmark (docs/benchmarks.md, "Catalogue search"), one command: starts the tickets service
# alone from the launcher jar, first on SQLite (standalone), then on PostgreSQL (Spring profile "distributed", database
# airtix_bench_catalogue, dropped and made afresh on every run), on ports of its own (18081, its management 19081).
# Each time it fills the table the service's migrations made with 10,000 tickets straight through SQL (200 share each
# of 50 departure minutes; prices 0.37 to 999.37, each amount 10 times; one in three in USD, the rest in EUR), then
# asks GET /api/tickets, one request at a time over one kept-alive connection: CATALOGUE_BENCH_WARM_UP requests of
# each case unmeasured, then CATALOGUE_BENCH_REQUESTS of each measured (curl's time_total), and prints p50/p95/p99.
# The cases: page 1 and page 400 of everything (size 20, the default), page 1 and page 50 (the last) of the price
# filter currency=EUR&minPrice=100&maxPrice=250. Afterwards it prints each database's plan of the page-400 query.
#
# The service needs neither Keycloak nor a broker for the public search: its issuer and broker ports name ports where
# nothing answers, and nothing asks them. Needs PostgreSQL (PGHOST/PGPORT/PGUSER, default 127.0.0.1:5432 postgres),
# psql, sqlite3, curl, the launcher built (built here when missing; never rebuilt: the benchmark measures what was
# built; AIRTIX_BENCH_JAR names another launcher jar), and the ports above free. Nothing else heavy should run on the machine meanwhile. Load:
# CATALOGUE_BENCH_WARM_UP (300), CATALOGUE_BENCH_REQUESTS (500). Results: $data_dir/results/summary.md ($data_dir:
# AIRTIX_BENCH_CATALOGUE_DATA_DIR, default data/benchmark-catalogue), the service's logs in $data_dir/logs/.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=lib/launcher.sh
source "$root/scripts/lib/launcher.sh"

export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
data_dir="${AIRTIX_BENCH_CATALOGUE_DATA_DIR:-$root/data/benchmark-catalogue}"
results="$data_dir/results"
port=18081 management=19081
warm_up="${CATALOGUE_BENCH_WARM_UP:-300}" requests="${CATALOGUE_BENCH_REQUESTS:-500}"
database=airtix_bench_catalogue
# nothing answers on these ports, and the public search asks none of them
issuer="http://127.0.0.1:18199/realms/airtix" broker_port=18672

for tool in psql sqlite3 curl; do
  command -v "$tool" >/dev/null || { echo "The catalogue benchmark needs $tool." >&2; exit 1; }
done
for taken in "$port" "$management" "$broker_port"; do
  if curl -s -o /dev/null "http://127.0.0.1:$taken/"; then
    echo "Something listens on port $taken; the catalogue benchmark needs it free." >&2
    exit 1
  fi
done
java="$(airtix_java)"
airtix_build_if_missing "$root"
jar="${AIRTIX_BENCH_JAR:-$(airtix_launcher_jar "$root")}"

rm -rf "$data_dir"
mkdir -p "$results" "$data_dir/logs"
service_pid=""
stop_service() {
  if [ -n "$service_pid" ]; then
    kill "$service_pid" 2>/dev/null || true
    wait "$service_pid" 2>/dev/null || true
    service_pid=""
  fi
}
trap stop_service EXIT
trap 'exit 130' INT TERM

# Departures 30 days ahead, at midnight UTC: in the future whenever the benchmark runs
day_seconds="$(date -u -d "$(date -u +%F) + 30 days" +%s)"

start_service() { # start_service <name> <extra environment...>
  local name="$1"
  shift
  echo "Starting the tickets service on $name (log: $data_dir/logs/tickets-$name.log)"
  env "$@" AIRTIX_SECURITY_ISSUER_URI="$issuer" SPRING_RABBITMQ_PORT="$broker_port" RABBITMQ_PORT="$broker_port" \
    AIRTIX_REDIS_ENABLED=false SERVER_PORT="$port" MANAGEMENT_SERVER_PORT="$management" \
    "$java" -jar "$jar" --only tickets --data-dir "$data_dir/$name" >"$data_dir/logs/tickets-$name.log" 2>&1 &
  service_pid="$!"
  airtix_await_url "tickets on $name" "http://127.0.0.1:$management/actuator/health" 240 "$data_dir/logs"
}

# p50/p95/p99 in milliseconds of one URL asked <count> times over one connection
measure() { # measure <url> <count>
  local url="$1" count="$2" args=()
  for ((k = 0; k < count; k++)); do
    args+=(-o /dev/null "$url")
  done
  curl -sf -w '%{time_total}\n' "${args[@]}" | sort -n |
    awk '{ t[NR] = $1 * 1000 }
      function at(p) { i = int(NR * p); if (i < NR * p) i++; return t[i] }
      END { printf "%.1f / %.1f / %.1f", at(0.50), at(0.95), at(0.99) }'
}

cases=(
  "page 1 of everything|page=0&size=20"
  "page 400 of everything|page=399&size=20"
  "price filter (EUR 100–250), page 1|currency=EUR&minPrice=100&maxPrice=250&page=0&size=20"
  "price filter (EUR 100–250), page 50 (the last)|currency=EUR&minPrice=100&maxPrice=250&page=49&size=20"
)

run_cases() { # run_cases <name>
  local name="$1" base="http://127.0.0.1:$port/api/tickets?"
  local total
  total="$(curl -sf "${base}size=1" | sed -n 's/.*"totalItems":\([0-9]*\).*/\1/p')"
  [ "$total" = 10000 ] || { echo "Expected 10000 tickets on $name, the search counts $total." >&2; exit 1; }
  for entry in "${cases[@]}"; do
    measure "$base${entry#*|}" "$warm_up" >/dev/null
  done
  for entry in "${cases[@]}"; do
    echo "| $name | ${entry%%|*} | $(measure "$base${entry#*|}" "$requests") |" | tee -a "$results/summary.md"
  done
}

{
  echo "| Database | Request | p50 / p95 / p99 ms |"
  echo "|---|---|---:|"
} >"$results/summary.md"

# SQLite: the service creates the file and migrates it; the rows go in beside it (WAL lets both at once)
start_service sqlite
sqlite3 "$data_dir/sqlite/tickets.db" >/dev/null <<SQL
PRAGMA busy_timeout = 5000;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 9999)
INSERT INTO ticket (id, version, event_version, airline, flight_number, origin, destination, departure_time, cabin,
                    seat, price, currency, status, created_at, updated_at)
SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-a'
             || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))),
       0, 0, CASE i % 2 WHEN 0 THEN 'aerolux' ELSE 'boreal' END, printf('LX%04d', i), 'LUX', 'CDG',
       ($day_seconds + (i % 50) * 60) * 1000, 'ECONOMY', '12A', ((i * 37) % 1000 * 100 + 37) / 100.0,
       CASE WHEN i % 3 = 0 THEN 'USD' ELSE 'EUR' END, 'AVAILABLE',
       CAST(strftime('%s', 'now') AS INTEGER) * 1000, CAST(strftime('%s', 'now') AS INTEGER) * 1000
FROM n;
SQL
run_cases SQLite
{
  echo
  echo "SQLite's plan of page 400:"
  sqlite3 "$data_dir/sqlite/tickets.db" "EXPLAIN QUERY PLAN SELECT * FROM ticket ORDER BY departure_time, id LIMIT 20 OFFSET 7980"
} >>"$results/plans.txt"
stop_service

psql -d postgres -qc "DROP DATABASE IF EXISTS $database" -c "CREATE DATABASE $database"
start_service postgresql SPRING_PROFILES_ACTIVE=distributed POSTGRES_HOST="$PGHOST" POSTGRES_PORT="$PGPORT" \
  POSTGRES_USER="$PGUSER" POSTGRES_PASSWORD="${PGPASSWORD:-}" POSTGRES_DB="$database"
psql -d "$database" -q <<SQL
INSERT INTO ticket (id, version, event_version, airline, flight_number, origin, destination, departure_time, cabin,
                    seat, price, currency, status, created_at, updated_at)
SELECT gen_random_uuid()::text, 0, 0, CASE i % 2 WHEN 0 THEN 'aerolux' ELSE 'boreal' END, 'LX' || lpad(i::text, 4, '0'),
       'LUX', 'CDG', to_timestamp($day_seconds + (i % 50) * 60), 'ECONOMY', '12A', ((i * 37) % 1000 * 100 + 37) / 100.0,
       CASE WHEN i % 3 = 0 THEN 'USD' ELSE 'EUR' END, 'AVAILABLE', now(), now()
FROM generate_series(0, 9999) AS i;
VACUUM ANALYZE ticket;
SQL
run_cases PostgreSQL
{
  echo
  echo "PostgreSQL's plans of page 1 and page 400:"
  psql -d "$database" -qAt -c "EXPLAIN ANALYZE SELECT * FROM ticket ORDER BY departure_time, id OFFSET 0 ROWS FETCH FIRST 20 ROWS ONLY"
  psql -d "$database" -qAt -c "EXPLAIN ANALYZE SELECT * FROM ticket ORDER BY departure_time, id OFFSET 7980 ROWS FETCH FIRST 20 ROWS ONLY"
} >>"$results/plans.txt"
stop_service
psql -d postgres -qc "DROP DATABASE IF EXISTS $database"

echo
cat "$results/summary.md" "$results/plans.txt"
