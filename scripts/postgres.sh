#!/usr/bin/env bash
# Manages a throwaway PostgreSQL cluster for the integration suite and the benchmarks.
#
#   postgres.sh start   STATE_DIR   initdb + start on a free 127.0.0.1 port, create database toolops
#   postgres.sh restart STATE_DIR   fast shutdown, then start again on the same port with the same data
#   postgres.sh stop    STATE_DIR   fast shutdown, then remove STATE_DIR (idempotent)
#
# STATE_DIR holds data/ (the cluster), sock/ (its Unix socket), log, pid (the postmaster),
# port, bindir, url (postgresql://toolops:PASSWORD@127.0.0.1:PORT/toolops) and env (for `source`).
# Keep STATE_DIR short (Unix socket paths are limited to ~107 bytes) and, when running as root,
# somewhere the postgres user can reach (/tmp is fine): initdb and postgres refuse to run as root,
# so as root the cluster runs as the postgres OS user. Only the pid recorded here is ever signalled.
# PG_BINDIR overrides where the server binaries are looked up.
set -euo pipefail

script=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/$(basename "${BASH_SOURCE[0]}")

die() {
    echo "postgres: $*" >&2
    exit 1
}

usage() {
    echo "usage: $0 start|restart|stop STATE_DIR" >&2
    exit 2
}

# Runs a command as the cluster's owner: the postgres OS user when we are root, else ourselves.
as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

# The server binaries: PG_BINDIR, else pg_config's bindir when it has initdb (Debian's pg_config
# often comes from libpq-dev alone), else the newest /usr/lib/postgresql/*/bin.
find_bindir() {
    local dir
    if [ -n "${PG_BINDIR:-}" ]; then
        [ -x "$PG_BINDIR/initdb" ] || die "PG_BINDIR=$PG_BINDIR has no initdb"
        echo "$PG_BINDIR"
        return
    fi
    if command -v pg_config >/dev/null 2>&1; then
        dir=$(pg_config --bindir 2>/dev/null || true)
        if [ -n "$dir" ] && [ -x "$dir/initdb" ]; then
            echo "$dir"
            return
        fi
    fi
    dir=$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -type d -name bin 2>/dev/null | sort -V | tail -n 1)
    if [ -n "$dir" ] && [ -x "$dir/initdb" ]; then
        echo "$dir"
        return
    fi
    die "no PostgreSQL server binaries found (initdb); install them with \`make deps\` (Debian package postgresql)"
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# True when PID is alive (not a zombie) and is the postmaster of this cluster's data directory,
# so a stale or reused pid is never signalled.
is_our_postmaster() {
    local pid=$1 data=$2
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
    [ -r "/proc/$pid/cmdline" ] || return 0 # no /proc: trust kill -0
    tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "-D $data "
}

# Starts the server in the background on PORT, waits until it accepts TCP connections, records its pid.
launch() {
    local state=$1 port=$2 bindir data launcher_pid pid="" i
    bindir=$(cat "$state/bindir")
    data=$state/data
    # setsid: the server is not in the caller's process group, so a Ctrl-C in the terminal does not
    # reach it mid-test; our own stop does. (-w: if setsid has to fork, it still waits, so $! lives
    # as long as the server.) Its output goes to the log, never to the caller's pipes.
    (cd "$state" && exec setsid -w "${owner_cmd[@]}" "$bindir/postgres" -D "$data" -p "$port" -k "$state/sock" \
        -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off \
        -c max_connections=300) </dev/null >>"$state/log" 2>&1 &
    launcher_pid=$!
    for ((i = 0; i < 300; i++)); do # 30 s
        if "$bindir/pg_isready" -q -h 127.0.0.1 -p "$port" -t 1; then
            pid=$(head -n 1 "$data/postmaster.pid" 2>/dev/null || true)
            [ -n "$pid" ] || pid=$launcher_pid
            break
        fi
        kill -0 "$launcher_pid" 2>/dev/null || break # the server exited: no point waiting
        sleep 0.1
    done
    if [ -z "$pid" ]; then
        echo "postgres: the server on 127.0.0.1:$port did not become ready; last lines of $state/log:" >&2
        tail -n 30 "$state/log" >&2 || true
        pid=$(head -n 1 "$data/postmaster.pid" 2>/dev/null || true)
        [ -n "$pid" ] && echo "$pid" >"$state/pid"
        exit 1
    fi
    echo "$pid" >"$state/pid"
}

# Fast shutdown of the recorded postmaster (SIGINT), then SIGQUIT, then SIGKILL. Keeps the data.
shutdown() {
    local state=$1 pid i
    [ -f "$state/pid" ] || return 0
    pid=$(cat "$state/pid")
    if is_our_postmaster "$pid" "$state/data"; then
        kill -INT "$pid" 2>/dev/null || true
        for ((i = 0; i < 200; i++)); do # 20 s
            is_our_postmaster "$pid" "$state/data" || break
            sleep 0.1
        done
        if is_our_postmaster "$pid" "$state/data"; then
            echo "postgres: pid $pid ignored fast shutdown for 20 s; sending SIGQUIT" >&2
            kill -QUIT "$pid" 2>/dev/null || true
            for ((i = 0; i < 50; i++)); do
                is_our_postmaster "$pid" "$state/data" || break
                sleep 0.1
            done
        fi
        if is_our_postmaster "$pid" "$state/data"; then
            echo "postgres: killing pid $pid" >&2
            kill -KILL "$pid" 2>/dev/null || true
            sleep 0.5 # its backends notice the postmaster's death and exit
        fi
    fi
    rm -f "$state/pid"
}

write_env() {
    local state=$1 url=$2
    (
        umask 077
        echo "$url" >"$state/url"
        {
            printf 'export TOOLOPS_POSTGRES_URL=%q\n' "$url"
            printf 'export TOOLOPS_POSTGRES_RESTART=%q\n' "bash $(printf %q "$script") restart $(printf %q "$state")"
        } >"$state/env"
    )
}

cmd_start() {
    local state=$1 bindir password port version
    bindir=$(find_bindir)
    mkdir -p "$state"
    state=$(cd "$state" && pwd)
    [ ! -e "$state/data" ] || die "$state/data already exists; use restart, or stop first"
    mkdir -p "$state/sock"
    echo "$bindir" >"$state/bindir"
    : >"$state/log"

    # The password reaches initdb through a file only the owner can read, removed right after.
    password=$(python3 -c 'import secrets; print(secrets.token_urlsafe(18))')
    (umask 077 && echo "$password" >"$state/pwfile")
    if [ "$(id -u)" -eq 0 ]; then
        chown -R postgres:postgres "$state"
    fi

    local initdb_args=(-D "$state/data" --username=toolops --pwfile="$state/pwfile"
        --auth-local=trust --auth-host=scram-sha-256 --encoding=UTF8)
    if ! (cd "$state" && as_owner "$bindir/initdb" "${initdb_args[@]}" --locale=C.UTF-8) >>"$state/log" 2>&1; then
        echo "postgres: initdb --locale=C.UTF-8 failed; retrying with --locale=C" >&2
        rm -rf "$state/data"
        (cd "$state" && as_owner "$bindir/initdb" "${initdb_args[@]}" --locale=C) >>"$state/log" 2>&1 || {
            tail -n 30 "$state/log" >&2
            die "initdb failed (log: $state/log)"
        }
    fi
    rm -f "$state/pwfile"

    port=$(free_port)
    echo "$port" >"$state/port"
    launch "$state" "$port"
    (cd "$state" && as_owner "$bindir/createdb" -h "$state/sock" -p "$port" -U toolops toolops) >>"$state/log" 2>&1 || {
        tail -n 30 "$state/log" >&2
        die "createdb toolops failed (log: $state/log)"
    }
    write_env "$state" "postgresql://toolops:$password@127.0.0.1:$port/toolops"

    version=$("$bindir/postgres" --version | sed -E 's/^.*\(PostgreSQL\) ([^ ]+).*$/\1/')
    echo "postgres: started PostgreSQL $version on 127.0.0.1:$port (pid $(cat "$state/pid"))" >&2
}

cmd_restart() {
    local state=$1 port
    if [ ! -f "$state/port" ] || [ ! -d "$state/data" ]; then
        die "no cluster in $state; use start"
    fi
    state=$(cd "$state" && pwd)
    port=$(cat "$state/port")
    shutdown "$state"
    launch "$state" "$port"
    echo "postgres: restarted on 127.0.0.1:$port (pid $(cat "$state/pid"))" >&2
}

cmd_stop() {
    local state=$1
    [ -d "$state" ] || return 0
    state=$(cd "$state" && pwd)
    shutdown "$state"
    rm -rf "$state"
    echo "postgres: stopped and removed $state" >&2
}

[ $# -eq 2 ] || usage
owner_cmd=()
[ "$(id -u)" -ne 0 ] || owner_cmd=(runuser -u postgres --)
case $1 in
start) cmd_start "$2" ;;
restart) cmd_restart "$2" ;;
stop) cmd_stop "$2" ;;
*) usage ;;
esac
