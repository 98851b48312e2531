#!/usr/bin/env bash
# Prints a .env for compose.yaml with a new random secret for every account, from .env.example's other values:
#   infra/compose/new-env.sh > infra/compose/.env && chmod 600 infra/compose/.env
# then fill in what only you know (SMTP relay, Stripe's keys). Run once: the databases and the realm keep the
# passwords and the tenants client's secret they were first started with.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
secret() { head -c 32 /dev/urandom | base64 | tr -d '+/=\n' | cut -c1-32; }
while IFS= read -r line; do
  case "$line" in
    *=@secret@) printf '%s=%s\n' "${line%%=*}" "$(secret)" ;;
    # the live service's pass key: Base64 of 32 random bytes
    *=@key@) printf '%s=%s\n' "${line%%=*}" "$(head -c 32 /dev/urandom | base64 | tr -d '\n')" ;;
    *) printf '%s\n' "$line" ;;
  esac
done <"$here/.env.example"
