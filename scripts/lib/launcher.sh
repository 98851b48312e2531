# Shared by ./airtix and scripts/run-distributed.sh: find Java, and build the launcher when its sources changed.
# Source it; it defines functions only.

# The Java to run Airtix with: $JAVA_HOME's when set, else the one on the PATH. Airtix needs 17 or newer.
airtix_java() {
  local java="java"
  if [ -n "${JAVA_HOME:-}" ]; then
    java="$JAVA_HOME/bin/java"
  fi
  if ! command -v "$java" >/dev/null 2>&1; then
    echo "Airtix needs a Java 17 (or newer) JDK: install one, or set JAVA_HOME." >&2
    return 1
  fi
  local version
  version="$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
  if [ "${version%%.*}" -lt 17 ] 2>/dev/null; then
    echo "Airtix needs Java 17 or newer; $java is Java $version. Set JAVA_HOME to a newer JDK." >&2
    return 1
  fi
  echo "$java"
}

airtix_launcher_jar() {
  local root="$1"
  ls "$root"/launcher/target/airtix-launcher-*.jar 2>/dev/null | grep -v -e '-sources' -e '-javadoc' | head -n 1
}

# Builds are reproducible (every jar carries the same fixed timestamp), so the jar's own date says nothing about its
# age: a stamp written after each successful build does.
airtix_build_stamp() {
  echo "$1/launcher/target/airtix-build.stamp"
}

airtix_is_stale() {
  local root="$1"
  local stamp
  stamp="$(airtix_build_stamp "$root")"
  if [ -z "$(airtix_launcher_jar "$root")" ] || [ ! -f "$stamp" ]; then
    return 0
  fi
  local newer
  newer="$(find "$root" \
    \( -name target -o -name data -o -name .git -o -name node_modules -o -name .idea -o -name .mvn \) -prune \
    -o -type f -newer "$stamp" \
    \( -name pom.xml -o -path '*/src/*' -o -path "$root/keycloak/*" -o -path "$root/policies/*" \) \
    -print -quit)"
  [ -n "$newer" ]
}

airtix_build_if_stale() {
  local root="$1"
  if airtix_is_stale "$root"; then
    airtix_build "$root"
  fi
}

airtix_build_if_missing() {
  local root="$1"
  if [ -z "$(airtix_launcher_jar "$root")" ]; then
    airtix_build "$root"
  fi
}

# Progress and errors go to stderr: standard output belongs to the command that runs after the build, e.g. the
# token that TOKEN=$(./airtix token aerolux-agent) captures.
airtix_build() {
  local root="$1"
  echo "Building Airtix (first run downloads dependencies)…" >&2
  local started=$SECONDS
  if ! (cd "$root" && JAVA_HOME="${JAVA_HOME:-}" ./mvnw -B -q -DskipTests install -pl launcher -am) >&2; then
    echo "The build failed; the errors are above." >&2
    return 1
  fi
  touch "$(airtix_build_stamp "$root")"
  echo "Built in $((SECONDS - started)) s." >&2
}

# Waits until a URL answers 2xx, at most <timeout> seconds: airtix_await_url <name> <url> <timeout> <logs folder>.
airtix_await_url() {
  local name="$1" url="$2" timeout="$3" logs="$4" started=$SECONDS
  until curl -fs -o /dev/null "$url"; do
    if ((SECONDS - started > timeout)); then
      echo "$name was not ready within $timeout s; see $logs." >&2
      return 1
    fi
    sleep 1
  done
  echo "  $name ready after $((SECONDS - started)) s"
}
