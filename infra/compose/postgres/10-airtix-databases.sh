#!/bin/bash
# Runs once, when the database cluster is new (the image's /docker-entrypoint-initdb.d): a database per component,
# owned by a role of the same name that may connect to it and to no other, with its password from .env. The
# superuser's password (POSTGRES_PASSWORD) is for the operator only; no component signs in with it.
set -euo pipefail
for component in keycloak tickets orders expiration payments; do
  variable="AIRTIX_DATABASE_PASSWORD_${component^^}"
  password="${!variable:-}"
  if [[ ! "$password" =~ ^[A-Za-z0-9_-]{16,}$ ]]; then
    echo "$variable must be set to 16 or more letters, digits, '-' or '_' (see infra/compose/.env.example)" >&2
    exit 1
  fi
  psql -v ON_ERROR_STOP=1 -U "$POSTGRES_USER" -d postgres -q \
    -v role="airtix_$component" -v password="$password" <<'SQL'
create role :"role" login password :'password';
create database :"role" owner :"role";
revoke all on database :"role" from public;
SQL
done
