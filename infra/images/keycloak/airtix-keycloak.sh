#!/bin/bash
# Keycloak fills the realm file's placeholders from the environment when it imports the realm at its first start.
# The tenants client's secret has no default on purpose: without one, the placeholder itself would become the secret
# of a client that manages the realm's users. Everything else passes to kc.sh as it is.
set -euo pipefail
if [ -z "${AIRTIX_TENANTS_KEYCLOAK_CLIENT_SECRET:-}" ]; then
  echo "AIRTIX_TENANTS_KEYCLOAK_CLIENT_SECRET is required: the secret of the realm's client \"tenants\"," \
    "the same value the tenants service is given" >&2
  exit 1
fi
exec /opt/keycloak/bin/kc.sh "$@"
