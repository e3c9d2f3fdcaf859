# Shared helpers for the throwaway-PostgreSQL scripts; sourced, not run.
# Not a test cluster for anything but this machine: trust auth on loopback only.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PG_DIR="${PG_DIR:-$ROOT/.build/pg}"
PG_ENV_FILE="$PG_DIR/env"
# The replication slot of the hot standby (scripts/pg-standby-start, pg-standby-stop).
PG_STANDBY_SLOT="health_tracker_standby"

# Newest installed major version's bin directory, or empty.
pg_bin_dir() {
    local dir
    dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5 -V | tail -n1)"
    [ -n "$dir" ] && [ -x "$dir/initdb" ] && echo "$dir"
}

# Installs Debian's server and libpq headers when missing (CI is a fresh machine, as root).
pg_ensure_installed() {
    if [ -n "$(pg_bin_dir)" ] && [ -f /usr/include/postgresql/libpq-fe.h ]; then return 0; fi
    if [ "$(id -u)" -ne 0 ]; then
        echo "PostgreSQL is not installed; run as root: apt-get install -y postgresql libpq-dev" >&2
        return 1
    fi
    echo "Installing postgresql and libpq-dev with apt-get..." >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2 && apt-get install -y -qq postgresql postgresql-contrib libpq-dev >&2
}

# Runs a command as the cluster's owner: initdb refuses root, so root uses the Debian
# package's postgres user.
pg_as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

# True when the recorded server is alive and is ours (the pid's data dir matches).
pg_running() {
    [ -f "$PG_ENV_FILE" ] || return 1
    # shellcheck disable=SC1090
    . "$PG_ENV_FILE"
    [ -n "${PG_PID:-}" ] && [ -d "/proc/$PG_PID" ] || return 1
    tr '\0' ' ' <"/proc/$PG_PID/cmdline" 2>/dev/null | grep -q -- "$PG_DATA" || return 1
    "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -t 2
}

# A TCP port on 127.0.0.1 that nothing listens on now.
pg_free_port() {
    local port i
    for i in $(seq 1 50); do
        port=$((20000 + RANDOM % 30000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return 0
        fi
    done
    return 1
}
