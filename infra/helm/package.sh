#!/usr/bin/env bash
# Packages the Airtix charts into <out dir> (default target/helm-packages): the umbrella airtix-<version>.tgz with
# every component's chart inside. The casbin model and policy have one home, the repository's policies/ folder, and a
# chart reads only its own files: they are copied into a copy of each service's chart (files/policies/) first, as
# the Maven build does before its tests. Needs helm 3.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$(mkdir -p "${1:-$root/target/helm-packages}" && cd "${1:-$root/target/helm-packages}" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

command -v helm >/dev/null || { echo "package.sh needs helm (https://helm.sh/docs/intro/install/)." >&2; exit 1; }

for chart in airtix-common tickets orders expiration payments tenants live gateway keycloak airtix; do
  cp -R "$here/$chart" "$work/$chart"
done
for service in tickets orders expiration payments tenants live; do
  mkdir -p "$work/$service/files/policies"
  cp "$root"/policies/* "$work/$service/files/policies/"
done

# the components first: each takes the library chart in, then the umbrella takes them in
for chart in tickets orders expiration payments tenants live gateway keycloak airtix; do
  helm dependency update "$work/$chart" >/dev/null
done
helm lint --strict "$work/airtix"
helm package "$work/airtix" --destination "$out"
