#!/bin/bash
# Fills the broker accounts' passwords into the definitions RabbitMQ loads at its start (10-airtix.conf), then
# starts RabbitMQ as the image would. definitions.json is RabbitMqDefinitions.template("/"): the accounts of the
# services, Keycloak and an observer, each with its own rights (decision 0029), every password a placeholder
# ${AIRTIX_BROKER_PASSWORD_<ACCOUNT>}. RabbitMQ hashes them as it imports the file, at every start, so a changed
# password in .env takes effect with the next start.
set -euo pipefail
definitions="$(cat /etc/airtix/rabbitmq/definitions.json)"
for variable in $(grep -o 'AIRTIX_BROKER_PASSWORD_[A-Z]*' <<<"$definitions" | sort -u); do
  password="${!variable:-}"
  if [[ ! "$password" =~ ^[A-Za-z0-9_-]{16,}$ ]]; then
    echo "$variable must be set to 16 or more letters, digits, '-' or '_' (see infra/compose/.env.example)" >&2
    exit 1
  fi
  definitions="${definitions//\$\{$variable\}/$password}"
done
target=/var/lib/rabbitmq/airtix-definitions.json
(umask 077 && printf '%s\n' "$definitions" >"$target")
if [ "$(id -u)" = 0 ]; then
  chown rabbitmq:rabbitmq "$target"
fi
exec docker-entrypoint.sh "$@"
