#!/usr/bin/env bash
# Runs CMD... with TOOLOPS_POSTGRES_URL pointing at a PostgreSQL server, and exits with its status.
#
# When TOOLOPS_POSTGRES_URL is already set, that server is used as is. Otherwise a throwaway cluster
# is started in a fresh /tmp/toolops-pg.XXXXXX (scripts/postgres.sh) and stopped and removed when
# this script exits, whether CMD succeeds, fails or is interrupted; TOOLOPS_POSTGRES_RESTART is then
# also set, to a shell command line that restarts that server (same port, same data).
set -euo pipefail

if [ $# -eq 0 ]; then
    echo "usage: $0 CMD [ARG...]" >&2
    exit 2
fi

if [ -n "${TOOLOPS_POSTGRES_URL:-}" ]; then
    echo "with-postgres: using the server in TOOLOPS_POSTGRES_URL; not starting one" >&2
    exec "$@"
fi

postgres_sh=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/postgres.sh
state=$(mktemp -d /tmp/toolops-pg.XXXXXX)
trap 'bash "$postgres_sh" stop "$state"' EXIT
# Signals end the script through `exit`, so the EXIT trap above stops the server.
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM

bash "$postgres_sh" start "$state"
TOOLOPS_POSTGRES_URL=$(cat "$state/url")
TOOLOPS_POSTGRES_RESTART="bash $(printf %q "$postgres_sh") restart $(printf %q "$state")"
export TOOLOPS_POSTGRES_URL TOOLOPS_POSTGRES_RESTART

status=0
"$@" || status=$?
exit "$status"
