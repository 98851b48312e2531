#!/usr/bin/env bash
# Base and stand-in images made from Debian's packages, for machines that reach no image registry (as CI's). A
# Debian root file system from debootstrap becomes airtix-local/debian; on it, with Debian's packages:
#   airtix-local/jre17       a Java 17 runtime: the base of the services' and the gateway's images
#   airtix-local/keycloak    Keycloak's distribution from Maven Central laid out as the official image lays it out
#                            (/opt/keycloak, user 1000, kc.sh the entry point): the base of our Keycloak image
#   airtix-local/postgres    PostgreSQL answering the official image's settings (POSTGRES_USER, POSTGRES_PASSWORD,
#                            POSTGRES_DB, PGDATA): stands in for it in the images' tests
#   airtix-local/redis       Redis laid out as the official redis:7 (docker-entrypoint.sh, user redis, /data, protected
#                            mode off): stands in for it where a compose file names redis:7
#   airtix-local/rabbitmq    RabbitMQ laid out as the official rabbitmq:4.1 (rabbitmq.conf and conf.d/*.conf in
#                            /etc/rabbitmq, /var/lib/rabbitmq, logs on the console): stands in for it likewise
# Each is tagged with a digest of this folder, the Debian suite and Keycloak's version: an image already in the
# daemon under its tag is kept (the cache between builds); a change to any of them builds anew. Prints, one per line,
# the JRE's, Keycloak's, PostgreSQL's, Redis's and RabbitMQ's tags.
#
# Usage: build-local-bases.sh <keycloak-quarkus-dist-<version>.zip>   (needs root, debootstrap, a running daemon)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
keycloak_zip="${1:?the path of keycloak-quarkus-dist-<version>.zip}"
suite="${AIRTIX_DEBIAN_SUITE:-bookworm}"
keycloak_version="$(basename "$keycloak_zip" .zip)"
keycloak_version="${keycloak_version#keycloak-quarkus-dist-}"
tag="$(cd "$here" && cat ./* <(echo "$suite $keycloak_version") | sha256sum | cut -c1-12)"
debian="airtix-local/debian:$suite-$tag"
jre="airtix-local/jre17:$tag"
keycloak="airtix-local/keycloak:$keycloak_version-$tag"
postgres="airtix-local/postgres:15-$tag"
redis="airtix-local/redis:7-$tag"
rabbitmq="airtix-local/rabbitmq:4.1-$tag"

log() { printf '==> %s\n' "$*" >&2; }
present() { docker image inspect "$1" >/dev/null 2>&1; }

# build <image> <Dockerfile> [file for the context]: on the Debian base; apt reaches Debian's mirror from the host's
# network
build() {
  local image="$1" dockerfile="$2" file="${3:-}" context
  present "$image" && return 0
  log "Building $image"
  context="$(mktemp -d)"
  [ -z "$file" ] || cp "$file" "$context/"
  cp "$here/$dockerfile" "$context/Dockerfile"
  [ ! -f "$here/${dockerfile%.Dockerfile}-entrypoint.sh" ] || cp "$here/${dockerfile%.Dockerfile}-entrypoint.sh" "$context/"
  docker build -q --network host --build-arg "DEBIAN=$debian" --build-arg "JRE=$jre" -t "$image" "$context" >/dev/null
  rm -rf "$context"
}

if ! present "$debian"; then
  root="$(mktemp -d)"
  trap 'rm -rf "$root"' EXIT
  log "Building $debian (debootstrap)"
  debootstrap --variant=minbase "$suite" "$root" >/dev/null
  rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*
  tar -C "$root" -c . | docker import --change 'ENV LANG=C.UTF-8' --change 'CMD ["bash"]' - "$debian" >/dev/null
  rm -rf "$root"
  trap - EXIT
fi

build "$jre" jre17.Dockerfile
build "$keycloak" keycloak.Dockerfile "$keycloak_zip"
build "$postgres" postgres.Dockerfile
build "$redis" redis.Dockerfile
build "$rabbitmq" rabbitmq.Dockerfile
printf '%s\n' "$jre" "$keycloak" "$postgres" "$redis" "$rabbitmq"
