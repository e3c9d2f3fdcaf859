# Shared helpers for the throwaway-PostgreSQL scripts; sourced, not run.
# Not a test cluster for anything but this machine: trust auth on loopback only.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# PG_TLS=1 (scripts/pg-start --tls, pg-stop --tls): the TLS cluster, a second one of its own.
if [ -n "${PG_TLS:-}" ]; then
    PG_DIR="${PG_DIR:-$ROOT/.build/pg-tls}"
else
    PG_DIR="${PG_DIR:-$ROOT/.build/pg}"
fi
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

# pg_make_tls_files TLS_DIR DATA_DIR: a throwaway CA (TLS_DIR/ca.pem), a server certificate
# it signs for localhost and 127.0.0.1 (DATA_DIR/server.crt and server.key, the server's
# own), and the clients' CA files in TLS_DIR/bundles (see scripts/pg-start --help).
# EC P-256 keys: quick to make, and the handshake RDS offers (ECDSA) as well.
pg_make_tls_files() {
    local dir=$1 data=$2 log="$1/openssl.log"
    local system_bundle=/etc/ssl/certs/ca-certificates.crt
    if ! command -v openssl >/dev/null || [ ! -s "$system_bundle" ]; then
        echo "pg-start: --tls needs openssl and ca-certificates (scripts/setup-system installs them)" >&2
        return 1
    fi
    {
        openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 3650 \
            -subj "/CN=Health Tracker throwaway test CA" -keyout "$dir/ca.key" -out "$dir/ca.pem" \
            -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" &&
        openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes \
            -subj "/CN=localhost" -keyout "$dir/server.key" -out "$dir/server.csr" &&
        printf '%s\n' "subjectAltName=DNS:localhost,IP:127.0.0.1" "basicConstraints=critical,CA:FALSE" \
            "keyUsage=critical,digitalSignature" "extendedKeyUsage=serverAuth" >"$dir/server.ext" &&
        openssl x509 -req -in "$dir/server.csr" -CA "$dir/ca.pem" -CAkey "$dir/ca.key" -set_serial "0x$(openssl rand -hex 8)" \
            -days 3650 -extfile "$dir/server.ext" -out "$dir/server.crt"
    } >"$log" 2>&1 || { cat "$log" >&2; echo "pg-start: openssl could not make the test certificates" >&2; return 1; }
    install -m 600 "$dir/server.key" "$data/server.key"
    install -m 644 "$dir/server.crt" "$data/server.crt"
    if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$data/server.key" "$data/server.crt"; fi
    rm -f "$dir/server.key" "$dir/server.csr" "$dir/server.ext"
    cat "$dir/ca.pem" "$system_bundle" >"$dir/bundles/global-bundle.pem"
    cp "$dir/ca.pem" "$dir/bundles/local-1-bundle.pem"
}
