#!/bin/bash
# The official image's start in short: a new data folder is initialised with POSTGRES_USER and POSTGRES_PASSWORD
# (required), POSTGRES_DB is created, /docker-entrypoint-initdb.d/*.sh and *.sql run once; then the server listens
# on every address with password authentication.
set -euo pipefail
: "${POSTGRES_PASSWORD:?POSTGRES_PASSWORD is required}"
user="${POSTGRES_USER:-postgres}"
database="${POSTGRES_DB:-$user}"

if [ ! -s "$PGDATA/PG_VERSION" ]; then
  password_file="$(mktemp)"
  printf '%s\n' "$POSTGRES_PASSWORD" >"$password_file"
  initdb -D "$PGDATA" -U "$user" --pwfile="$password_file" --auth=scram-sha-256 -E UTF8 >/dev/null
  rm -f "$password_file"
  printf "listen_addresses = '*'\n" >>"$PGDATA/postgresql.conf"
  printf 'host all all all scram-sha-256\n' >>"$PGDATA/pg_hba.conf"
  pg_ctl -D "$PGDATA" -o "-c listen_addresses=''" -w start >/dev/null
  export PGPASSWORD="$POSTGRES_PASSWORD"
  if [ "$database" != postgres ]; then
    psql -v ON_ERROR_STOP=1 -U "$user" -d postgres -qc "create database \"$database\""
  fi
  for script in /docker-entrypoint-initdb.d/*; do
    case "$script" in
      *.sh) bash "$script" ;;
      *.sql) psql -v ON_ERROR_STOP=1 -U "$user" -d "$database" -qf "$script" ;;
    esac
  done
  unset PGPASSWORD
  pg_ctl -D "$PGDATA" -m fast -w stop >/dev/null
fi
exec "$@" -D "$PGDATA"
