#!/bin/bash
# The official image's start: long node names when the host name is a long one, then the command.
set -euo pipefail
if [ -z "${RABBITMQ_USE_LONGNAME:-}" ] && [ "$(hostname)" != "$(hostname -s)" ]; then
  export RABBITMQ_USE_LONGNAME=true
fi
exec "$@"
