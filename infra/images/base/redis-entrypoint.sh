#!/bin/sh
# The official image's start: options (or a config file) alone run redis-server; redis-server runs with protected
# mode off (Docker publishes no port unasked) unless its config file sets protected-mode; files made are private.
set -e
if [ "${1#-}" != "$1" ] || [ "${1%.conf}" != "$1" ]; then
  set -- redis-server "$@"
fi
if [ "$1" = redis-server ]; then
  shift
  if [ -f "${1:-}" ]; then
    config="$1"
    shift
    if grep -q '^protected-mode' "$config"; then
      set -- redis-server "$config" "$@"
    else
      set -- redis-server "$config" --protected-mode no "$@"
    fi
  else
    set -- redis-server --protected-mode no "$@"
  fi
fi
[ "$(umask)" != 0022 ] || umask 0077
exec "$@"
