#!/usr/bin/env bash
# Checks the images -Pimages built into the local Docker daemon: each is there, runs as a user other than root, and
# Keycloak's was built for PostgreSQL with health and metrics on and our extension in it. Prints each image's size.
# Usage: check-images.sh [tag]    (default: the project's version)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
tag="${1:-$(grep -A1 '<artifactId>airtix</artifactId>' pom.xml | sed -n 's:.*<version>\(.*\)</version>.*:\1:p')}"
failed=0

for name in tickets orders expiration payments tenants live gateway keycloak; do
  image="airtix/$name:$tag"
  if ! docker image inspect "$image" >/dev/null 2>&1; then
    echo "MISSING  $image" >&2
    failed=1
    continue
  fi
  user="$(docker image inspect --format '{{.Config.User}}' "$image")"
  size="$(docker image inspect --format '{{.Size}}' "$image")"
  case "${user%%:*}" in
    "" | 0 | root)
      echo "ROOT     $image runs as '${user:-root}'" >&2
      failed=1
      ;;
    *) printf 'ok       %-32s user %-8s %4d MB\n' "$image" "$user" "$((size / 1000 / 1000))" ;;
  esac
done

# what Keycloak's build step fixed in the image
config="$(docker run --rm --pull never --network none -e AIRTIX_TENANTS_KEYCLOAK_CLIENT_SECRET=checked \
  "airtix/keycloak:$tag" show-config 2>&1 || true)"
for expected in 'kc.db =  postgres' 'kc.health-enabled =  true' 'kc.metrics-enabled =  true'; do
  if ! grep -qF "$expected" <<<"$config"; then
    echo "Keycloak's image lacks '$expected'; show-config said:" >&2
    echo "$config" >&2
    failed=1
  fi
done
# without the tenants client's secret the realm would be imported with its placeholder as the secret
refusal="$(docker run --rm --pull never --network none "airtix/keycloak:$tag" 2>&1 && echo started || true)"
if ! grep -qF 'AIRTIX_TENANTS_KEYCLOAK_CLIENT_SECRET is required' <<<"$refusal"; then
  echo "Keycloak's image started without AIRTIX_TENANTS_KEYCLOAK_CLIENT_SECRET; it said:" >&2
  echo "$refusal" >&2
  failed=1
fi
if ! docker run --rm --pull never --network none --entrypoint ls "airtix/keycloak:$tag" /opt/keycloak/providers \
  | grep -qx airtix-keycloak-extensions.jar; then
  echo "Keycloak's image lacks our extension in /opt/keycloak/providers" >&2
  failed=1
fi
exit "$failed"
