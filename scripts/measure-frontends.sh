#!/usr/bin/env bash
# The three storefront apps measured side by side (docs/frontends.md), one command: the static figures from the web
# workspace, then the browser's figures from one standalone Airtix.
#
# 1. Build time per app: `npm run build -w <app>` (type check, then the Vite build) and the Vite build alone,
#    FRONTENDS_BUILD_RUNS times each (3), the medians of the wall times and of the CPU times (user + system, which
#    a busy machine disturbs less). Needs the workspace installed (`npm ci` in web/, see web/README.md); nothing is
#    installed here. The machine should be quiet meanwhile.
# 2. What each build ships, from the last build's dist/: JavaScript and CSS, gzip (Node's zlib, level 6, as
#    web/scripts/check-bundle-sizes.mjs counts), initial (the entry scripts and stylesheets named in index.html and
#    what they import statically, transitively) and total (every .js or .css under dist/assets); source maps left out.
# 3. Lines of code per app: the files under <app>/src (.ts, .tsx, .vue, .svelte, .css), lines that are neither blank
#    nor only a comment (`//`, `/*`, `*`, `*/`, `<!-- -->`); tests apart (*.test.*, src/test/); web/shared apart.
# 4. In Chromium, against the packaged launcher (so build and install Airtix with these builds first, see
#    docs/frontends.md): StorefrontMeasurements, under the standalone ports' lock (/tmp/airtix-ports.lock).
# 5. The end-to-end suite's time per app, from launcher/target/failsafe-reports/ when StorefrontIntegrationTests ran
#    there (the sum of its test cases' times per app; the suite's first test case also starts Airtix).
#
# AIRTIX_WEB_DIR names another copy of web/ to build and count (default: web/ here). FRONTENDS_SKIP_BROWSER=1 stops
# after step 3, FRONTENDS_SKIP_BUILD=1 skips steps 1-3. Results: target/frontend-measurements/static.md and
# launcher/target/frontend-measurements.md, both printed.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
web="${AIRTIX_WEB_DIR:-$root/web}"
runs="${FRONTENDS_BUILD_RUNS:-3}"
apps=(react vue svelte)
out="$root/target/frontend-measurements"
static="$out/static.md"
mkdir -p "$out"

# runs a command quietly; prints its wall time and its CPU time (user + system, its children's too), in ms
timed() {
  local TIMEFORMAT='%R %U %S' times
  times="$({ time "$@" >/dev/null 2>&1; } 2>&1)"
  awk '{ printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000 }' <<<"$times"
}

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

seconds() { awk -v ms="$1" 'BEGIN { printf "%.1f s", ms / 1000 }'; }

# lines neither blank nor only a comment
code_lines() {
  if [ "$#" -eq 0 ]; then
    echo 0
    return
  fi
  cat "$@" | grep -v -E '^[[:space:]]*$' | grep -v -E '^[[:space:]]*(//|/\*|\*|\*/|<!--.*-->[[:space:]]*$)' | wc -l
}

source_files() {
  local dir="$1" kind="$2"
  find "$dir" -type f \( -name '*.ts' -o -name '*.tsx' -o -name '*.vue' -o -name '*.svelte' -o -name '*.css' \) |
    if [ "$kind" = tests ]; then
      grep -E '\.test\.|/src/test/'
    else
      grep -v -E '\.test\.|/src/test/|\.d\.ts$'
    fi | sort
}

if [ "${FRONTENDS_SKIP_BUILD:-0}" != 1 ]; then
  if [ ! -d "$web/node_modules" ]; then
    echo "No node_modules in $web: install the workspace first (cd $web && npm ci)." >&2
    exit 1
  fi
  {
    echo "# Storefront apps: static figures"
    echo
    echo "$(date -u '+%F %H:%M UTC'), $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)," \
      "Node.js $(node --version), load average before the builds: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo
    echo "| App | Build (type check + Vite): wall, median of $runs | its CPU | Vite alone: wall | its CPU | Every run, wall (full; Vite) |"
    echo "|---|---:|---:|---:|---:|---|"
  } >"$static"
  for app in "${apps[@]}"; do
    full=() full_cpu=() vite=() vite_cpu=()
    for _ in $(seq 1 "$runs"); do
      read -r wall cpu < <(timed bash -c "cd '$web' && npm run build -w '$app'")
      full+=("$wall") full_cpu+=("$cpu")
      read -r wall cpu < <(timed bash -c "cd '$web/$app' && npx vite build --logLevel silent")
      vite+=("$wall") vite_cpu+=("$cpu")
    done
    echo "| $app | $(seconds "$(printf '%s\n' "${full[@]}" | median)") |" \
      "$(seconds "$(printf '%s\n' "${full_cpu[@]}" | median)") |" \
      "$(seconds "$(printf '%s\n' "${vite[@]}" | median)") |" \
      "$(seconds "$(printf '%s\n' "${vite_cpu[@]}" | median)") | ${full[*]} ms; ${vite[*]} ms |" >>"$static"
  done

  echo >>"$static"
  node "$web/scripts/check-bundle-sizes.mjs" --markdown >>"$static"

  {
    echo
    echo "| Code | Files | Lines of code | Test files | Lines of tests |"
    echo "|---|---:|---:|---:|---:|"
  } >>"$static"
  for dir in react vue svelte shared; do
    mapfile -t code < <(source_files "$web/$dir/src" code)
    mapfile -t tests < <(source_files "$web/$dir/src" tests)
    extra=()
    if [ "$dir" = shared ]; then
      extra=("$web/shared/tokens.css" "$web/shared/styles.css")
    fi
    echo "| $dir | $((${#code[@]} + ${#extra[@]})) | $(code_lines "${code[@]}" "${extra[@]}") | ${#tests[@]} |" \
      "$(code_lines "${tests[@]}") |" >>"$static"
  done
  echo >>"$static"
  echo "(web/shared: without the generated src/api/*.d.ts; with tokens.css and styles.css.)" >>"$static"
  cat "$static"
fi

if [ "${FRONTENDS_SKIP_BROWSER:-0}" != 1 ]; then
  command -v flock >/dev/null || { echo "flock is needed (util-linux)." >&2; exit 1; }
  echo "Waiting for the standalone ports' lock (/tmp/airtix-ports.lock)…"
  (cd "$root" && flock -x /tmp/airtix-ports.lock ./mvnw -B verify -pl launcher -Dtest=NoSuchTest \
    -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=StorefrontMeasurements)
  cat "$root/launcher/target/frontend-measurements.md"
fi

reports=("$root"/launcher/target/failsafe-reports/TEST-*StorefrontIntegrationTests*.xml)
if [ -f "${reports[0]}" ]; then
  echo
  echo "End-to-end suite (StorefrontIntegrationTests), the sum of its test cases' times per app:"
  # the report names each app's run of the class by its place in @ValueSource: [1] react, [2] vue, [3] svelte
  for index in 1 2 3; do
    app="${apps[$((index - 1))]}"
    { grep -h -o "<testcase [^>]*>" "${reports[@]}" | grep -F "StorefrontIntegrationTests[$index]\"" || true; } |
      sed -n 's/.* time="\([0-9.,]*\)".*/\1/p' | tr -d , |
      awk -v app="$app" '{ total += $1; count++ } END { printf "- %s: %.1f s in %d test cases\n", app, total, count }'
  done
  echo "(The suite's first test case also starts Airtix: that time counts in the first app's.)"
  grep -h -o '<testsuite [^>]*>' "${reports[@]}" | grep -o -E '(time|tests|errors|failures|skipped)="[^"]*"' | tr '\n' ' '
  echo
else
  echo
  echo "No report of StorefrontIntegrationTests in launcher/target/failsafe-reports/: its time per app is not known."
fi
