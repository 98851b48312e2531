#!/usr/bin/env bash
# Airtix in distributed mode on one machine: Keycloak, the tickets, orders, expiration, payments, tenants and live
# services and the gateway each in a process of its own, the same code as ./airtix but with the Spring profile "distributed",
# and PostgreSQL instead of SQLite and H2: database airtix_<service> for the tickets, orders, expiration and payments
# services, airtix_keycloak for Keycloak (all created when missing). The
# expiration service indexes its deadlines in Redis. The tenants service keeps no database; it needs the secret
# of its Keycloak client "tenants": given in AIRTIX_TENANTS_KEYCLOAK_CLIENT_SECRET it is used as it is, otherwise the
# tenants process reads it from Keycloak (as the admin whose password is in the data folder) once Keycloak is up.
# The live-updates service keeps no database either: it reads every event from RabbitMQ and keeps its deny-list in
# Redis. Its instances share the key that seals their passes, LIVE_PASS_KEY (Base64 of 32 random bytes): given in the
# environment it is used as it is, otherwise one is made once and kept, owner-only, in <data dir>/live-pass-key, so
# that every instance started on this data folder opens the passes of the others.
#
# Needs a running PostgreSQL (default 127.0.0.1:5432, user postgres; override with PGHOST, PGPORT, PGUSER,
# PGPASSWORD), a running RabbitMQ on this machine for the events (default localhost:5672; override with RABBITMQ_HOST,
# RABBITMQ_PORT) with rabbitmqctl: every service and Keycloak sign in with an account of their own, allowed to publish
# only their own events (passwords made once in <data dir>/broker-accounts.properties, imported with rabbitmqctl
# import_definitions at every start), a running Redis (default localhost:6379; override with
# REDIS_HOST, REDIS_PORT), psql and curl. AIRTIX_ORDERS_HOLD (e.g. 2m) shortens how long a reservation holds its
# ticket. Ctrl-C stops every process. Logs: <data dir>/logs/<component>.log.
# A fresh start: stop, drop the four databases and delete the data folder (default data/distributed).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=lib/launcher.sh
source "$root/scripts/lib/launcher.sh"

export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
export RABBITMQ_HOST="${RABBITMQ_HOST:-localhost}" RABBITMQ_PORT="${RABBITMQ_PORT:-5672}"
export REDIS_HOST="${REDIS_HOST:-localhost}" REDIS_PORT="${REDIS_PORT:-6379}"
data_dir="${AIRTIX_DATA_DIR:-$root/data/distributed}"
jdbc="jdbc:postgresql://$PGHOST:$PGPORT"
issuer="http://localhost:8180/realms/airtix"

java="$(airtix_java)"
airtix_build_if_stale "$root"
jar="$(airtix_launcher_jar "$root")"
mkdir -p "$data_dir/logs"

for tool in psql curl rabbitmqctl; do
  command -v "$tool" >/dev/null || { echo "The distributed mode needs $tool." >&2; exit 1; }
done
if ! psql -d postgres -qAtc 'select 1' >/dev/null; then
  echo "PostgreSQL does not answer at $PGHOST:$PGPORT as $PGUSER." >&2
  exit 1
fi

# The services would start without a broker (events wait in their outbox), but nothing would reach the other services:
# better to say so now. A TCP connect through bash's /dev/tcp needs no extra tool; it proves the port answers, the
# services' own connection then proves the account.
if ! timeout 5 bash -c 'exec 3<>"/dev/tcp/$1/$2"' _ "$RABBITMQ_HOST" "$RABBITMQ_PORT" 2>/dev/null; then
  echo "RabbitMQ does not answer at $RABBITMQ_HOST:$RABBITMQ_PORT; start it, or point RABBITMQ_HOST and RABBITMQ_PORT" \
    "at one." >&2
  exit 1
fi

# One account per service and for Keycloak, each allowed to publish only its own events (decision 0029): made once in
# the data folder, imported into this machine's RabbitMQ with rabbitmqctl at every start
"$java" -jar "$jar" --only broker-accounts --data-dir "$data_dir"
broker_password() { sed -n "s/^airtix-$1=//p" "$data_dir/broker-accounts.properties"; }

# The live service's pass key: every instance behind the gateway must open the passes any of them issued
if [ -z "${LIVE_PASS_KEY:-}" ]; then
  if [ ! -s "$data_dir/live-pass-key" ]; then
    (umask 077 && head -c 32 /dev/urandom | base64 | tr -d '\n' >"$data_dir/live-pass-key")
  fi
  LIVE_PASS_KEY="$(cat "$data_dir/live-pass-key")"
fi

# Deadlines would still fire from the database's sweep without Redis, but late: say so now.
if ! timeout 5 bash -c 'exec 3<>"/dev/tcp/$1/$2"' _ "$REDIS_HOST" "$REDIS_PORT" 2>/dev/null; then
  echo "Redis does not answer at $REDIS_HOST:$REDIS_PORT; start it, or point REDIS_HOST and REDIS_PORT at one." >&2
  exit 1
fi

ensure_database() {
  if [ -z "$(psql -d postgres -qAtc "select 1 from pg_database where datname = '$1'")" ]; then
    psql -d postgres -qc "create database $1" && echo "  Created database $1"
  fi
}
ensure_database airtix_keycloak
ensure_database airtix_tickets
ensure_database airtix_orders
ensure_database airtix_expiration
ensure_database airtix_payments

pids=()
names=()
stop_all() {
  trap - EXIT INT TERM
  if [ "${#pids[@]}" -gt 0 ]; then
    echo "Stopping Airtix…"
    # newest first: the gateway, then the services, Keycloak last
    for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
      kill -TERM "${pids[$i]}" 2>/dev/null || true
    done
    wait "${pids[@]}" 2>/dev/null || true
    echo "Stopped."
  fi
}
trap stop_all EXIT
trap 'exit 130' INT TERM

# start <component> [VAR=value...]: one launcher JVM per component, environment as given
start() {
  local component="$1"
  shift
  env "$@" "$java" ${AIRTIX_JAVA_OPTS:-} -jar "$jar" --only "$component" --data-dir "$data_dir" \
    >"$data_dir/logs/$component.log" 2>&1 &
  pids+=("$!")
  names+=("$component")
  echo "  Started $component (pid $!, log: $data_dir/logs/$component.log)"
}

await_url() {
  local name="$1" url="$2" timeout="$3" started=$SECONDS
  until curl -fs -o /dev/null "$url"; do
    for i in "${!pids[@]}"; do
      if ! kill -0 "${pids[$i]}" 2>/dev/null; then
        echo "${names[$i]} stopped during the start; the end of its log:" >&2
        tail -n 40 "$data_dir/logs/${names[$i]}.log" >&2
        exit 1
      fi
    done
    if ((SECONDS - started > timeout)); then
      echo "$name was not ready within $timeout s; see $data_dir/logs." >&2
      exit 1
    fi
    sleep 1
  done
  echo "  $name ready after $((SECONDS - started)) s"
}

echo "Starting Airtix, distributed (data in $data_dir)"
started=$SECONDS
# Keycloak mails invitations, verifications and password resets: on one machine, to the mail catcher
start mail
await_url "mail catcher" http://localhost:8025/ 60
start keycloak KC_DB=postgres KC_DB_URL="$jdbc/airtix_keycloak" KC_DB_USERNAME="$PGUSER" \
  KC_DB_PASSWORD="${PGPASSWORD:-}" \
  KC_SPI_EVENTS_LISTENER__AIRTIX__BROKER_HOST="$RABBITMQ_HOST" KC_SPI_EVENTS_LISTENER__AIRTIX__BROKER_PORT="$RABBITMQ_PORT" \
  KC_SPI_EVENTS_LISTENER__AIRTIX__BROKER_USERNAME=airtix-keycloak \
  KC_SPI_EVENTS_LISTENER__AIRTIX__BROKER_PASSWORD="$(broker_password keycloak)"
start tickets SPRING_PROFILES_ACTIVE=distributed POSTGRES_HOST="$PGHOST" POSTGRES_PORT="$PGPORT" \
  POSTGRES_DB=airtix_tickets POSTGRES_USER="$PGUSER" POSTGRES_PASSWORD="${PGPASSWORD:-}" \
  RABBITMQ_HOST="$RABBITMQ_HOST" RABBITMQ_PORT="$RABBITMQ_PORT" \
  RABBITMQ_USERNAME=airtix-tickets RABBITMQ_PASSWORD="$(broker_password tickets)" AIRTIX_SECURITY_ISSUER_URI="$issuer"
start orders SPRING_PROFILES_ACTIVE=distributed POSTGRES_HOST="$PGHOST" POSTGRES_PORT="$PGPORT" \
  POSTGRES_DB=airtix_orders POSTGRES_USER="$PGUSER" POSTGRES_PASSWORD="${PGPASSWORD:-}" \
  RABBITMQ_HOST="$RABBITMQ_HOST" RABBITMQ_PORT="$RABBITMQ_PORT" \
  RABBITMQ_USERNAME=airtix-orders RABBITMQ_PASSWORD="$(broker_password orders)" AIRTIX_SECURITY_ISSUER_URI="$issuer"
start expiration SPRING_PROFILES_ACTIVE=distributed POSTGRES_HOST="$PGHOST" POSTGRES_PORT="$PGPORT" \
  POSTGRES_DB=airtix_expiration POSTGRES_USER="$PGUSER" POSTGRES_PASSWORD="${PGPASSWORD:-}" \
  RABBITMQ_HOST="$RABBITMQ_HOST" RABBITMQ_PORT="$RABBITMQ_PORT" \
  RABBITMQ_USERNAME=airtix-expiration RABBITMQ_PASSWORD="$(broker_password expiration)" \
  REDIS_HOST="$REDIS_HOST" REDIS_PORT="$REDIS_PORT" \
  AIRTIX_SECURITY_ISSUER_URI="$issuer"
# Stripe when STRIPE_API_KEY and STRIPE_WEBHOOK_SECRET are set in the environment; without them this trial on one
# machine switches simulated payments on by name (a deployment without Stripe's keys refuses to start)
payments_provider="${AIRTIX_PAYMENTS_PROVIDER:-$([ -n "${STRIPE_API_KEY:-}" ] && echo stripe || echo simulated)}"
echo "  Payments: $payments_provider"
start payments SPRING_PROFILES_ACTIVE=distributed POSTGRES_HOST="$PGHOST" POSTGRES_PORT="$PGPORT" \
  POSTGRES_DB=airtix_payments POSTGRES_USER="$PGUSER" POSTGRES_PASSWORD="${PGPASSWORD:-}" \
  RABBITMQ_HOST="$RABBITMQ_HOST" RABBITMQ_PORT="$RABBITMQ_PORT" \
  RABBITMQ_USERNAME=airtix-payments RABBITMQ_PASSWORD="$(broker_password payments)" \
  AIRTIX_SECURITY_ISSUER_URI="$issuer" AIRTIX_PAYMENTS_PROVIDER="$payments_provider"
# waits for Keycloak by itself, then asks it for the tenants client's secret unless the environment holds it; the
# broker brings it Keycloak's bans and logouts for its deny-list
start tenants SPRING_PROFILES_ACTIVE=distributed AIRTIX_SECURITY_ISSUER_URI="$issuer" \
  AIRTIX_TENANTS_KEYCLOAK_SERVER_URL=http://localhost:8180 RABBITMQ_HOST="$RABBITMQ_HOST" \
  RABBITMQ_PORT="$RABBITMQ_PORT" RABBITMQ_USERNAME=airtix-tenants RABBITMQ_PASSWORD="$(broker_password tenants)"
# live updates (WebSocket at /api/live, Server-Sent Events at /api/live/stream) from every event of the broker, under
# its own account that may publish nothing; its deny-list in Redis, its pass key shared by all its instances
start live SPRING_PROFILES_ACTIVE=distributed AIRTIX_SECURITY_ISSUER_URI="$issuer" \
  RABBITMQ_HOST="$RABBITMQ_HOST" RABBITMQ_PORT="$RABBITMQ_PORT" \
  RABBITMQ_USERNAME=airtix-live RABBITMQ_PASSWORD="$(broker_password live)" \
  REDIS_HOST="$REDIS_HOST" REDIS_PORT="$REDIS_PORT" LIVE_PASS_KEY="$LIVE_PASS_KEY"
# the services' health, metrics and own API descriptions answer on their management ports (main port + 1000), on the
# loopback interface only (decision 0031); the gateway merges the descriptions at /api-docs. STRIPE_PUBLISHABLE_KEY,
# where set in the environment, reaches the gateway as it is: the apps' card form (decision 0036)
start gateway SPRING_PROFILES_ACTIVE=distributed AIRTIX_GATEWAY_SERVICES_TICKETS=http://localhost:8081 \
  AIRTIX_GATEWAY_SERVICES_ORDERS=http://localhost:8082 AIRTIX_GATEWAY_SERVICES_PAYMENTS=http://localhost:8084 \
  AIRTIX_GATEWAY_SERVICES_TENANTS=http://localhost:8085 AIRTIX_GATEWAY_SERVICES_LIVE=http://localhost:8086 \
  AIRTIX_GATEWAY_APIDOCS_TICKETS=http://localhost:9081/actuator/openapi \
  AIRTIX_GATEWAY_APIDOCS_ORDERS=http://localhost:9082/actuator/openapi \
  AIRTIX_GATEWAY_APIDOCS_PAYMENTS=http://localhost:9084/actuator/openapi \
  AIRTIX_GATEWAY_APIDOCS_TENANTS=http://localhost:9085/actuator/openapi

await_url "tickets" http://localhost:9081/actuator/health 180
await_url "orders" http://localhost:9082/actuator/health 180
await_url "expiration" http://localhost:9083/actuator/health 180
await_url "payments" http://localhost:9084/actuator/health 180
await_url "live" http://localhost:9086/actuator/health 180
await_url "gateway" http://localhost:8090/actuator/health 180
await_url "Keycloak" "$issuer/.well-known/openid-configuration" 300
await_url "tenants" http://localhost:9085/actuator/health 120

"$java" -jar "$jar" --only demo-data --data-dir "$data_dir"

cat <<SUMMARY

  Airtix (distributed) started in $((SECONDS - started)) s.
  Gateway            http://localhost:8080   (health and metrics from this machine only: http://localhost:8090/actuator)
  API description    http://localhost:8080/api-docs   (every service's API in one, Swagger UI)
  Keycloak           http://localhost:8180   (admin console: /admin, user admin, password $(cat "$data_dir/keycloak-admin-password"))
                     (tenant admins: http://localhost:8180/admin/airtix/console/, their own airline's staff only)
  Tickets API        http://localhost:8080/api/tickets   (service: http://localhost:8081)
  Orders API         http://localhost:8080/api/orders, /api/airlines/{airline}/orders   (service: http://localhost:8082)
  Payments API       http://localhost:8080/api/payments, /api/airlines/{airline}/payments
                     (service: http://localhost:8084; Stripe webhook: /api/payments/stripe/webhook)
  Expiration         http://localhost:9083/actuator/health   (ends unpaid reservations when their hold runs out)
  Mail catcher       http://localhost:8025   (every mail Keycloak sends; SMTP on localhost:3025)
  Airlines API       http://localhost:8080/api/airlines   (service: http://localhost:8085)
  Live updates       ws://localhost:8080/api/live, http://localhost:8080/api/live/stream   (service: http://localhost:8086;
                     its instances' pass key: LIVE_PASS_KEY, else $data_dir/live-pass-key)
  Health and metrics http://localhost:9081/actuator/prometheus ... 9086 (each service's management port, this machine
                     only; its own API description: /actuator/openapi)
  Databases          $jdbc/airtix_keycloak, $jdbc/airtix_tickets, $jdbc/airtix_orders, $jdbc/airtix_expiration,
                     $jdbc/airtix_payments
  Deadlines          Redis at $REDIS_HOST:$REDIS_PORT, sorted set airtix:expiration:deadlines
  Events             RabbitMQ at $RABBITMQ_HOST:$RABBITMQ_PORT, exchange airtix.events; accounts airtix-<service> and
                     airtix-keycloak (passwords in $data_dir/broker-accounts.properties)
  Demo accounts      platform-admin, aerolux-admin, aerolux-agent, boreal-admin, boreal-agent, traveller
                     (password Demo-Passw0rd-2026!; the admins sign in with a second factor: the keys of the
                     authenticator apps the demo set up for them are in $data_dir/demo-authenticators.properties)

Press Ctrl-C to stop.
SUMMARY

# run until Ctrl-C, or until one component stops on its own
wait -n "${pids[@]}" || true
echo "A component stopped on its own; see $data_dir/logs." >&2
exit 1
