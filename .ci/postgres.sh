#!/usr/bin/env bash
# A private, throwaway PostgreSQL cluster for the tests that need a real database (the Hangfire cluster test).
#
#   .ci/postgres.sh start    install PostgreSQL from Debian's packages if missing, create a fresh cluster (initdb) in
#                            a directory of its own, listening on 127.0.0.1 only, on a free port, with its unix socket
#                            inside that directory and trust auth for loopback; create the database; print ONE line on
#                            stdout, WEBHOOKTASKS_TEST_POSTGRES=<Npgsql connection string>, also written to the file
#                            "env" in the cluster's directory. A cluster left behind by an earlier run is stopped and
#                            removed first. Everything else goes to stderr.
#   .ci/postgres.sh stop     stop the cluster and remove its directory (does nothing when there is none).
#   .ci/postgres.sh status   say whether the cluster runs (exit 0) or not (exit 1).
#   .ci/postgres.sh env      print the WEBHOOKTASKS_TEST_POSTGRES=... line of the running cluster.
#   .ci/postgres.sh psql ... run psql against the cluster's database.
#
# Typical use:  export "$(.ci/postgres.sh start)"; ...; .ci/postgres.sh stop
#
# The cluster lives in $WEBHOOKTASKS_PG_DIR, by default ${TMPDIR:-/tmp}/webhooktasks-postgres. initdb and postgres
# refuse to run as root: as root they run as the `postgres` system user (runuser), otherwise as the calling user. It
# is tuned for tests, not for keeping data: fsync and synchronous commit are off.
set -euo pipefail

database=webhooktasks
superuser=postgres
# The cluster's directory. The server runs as the postgres user when we are root, so its directory must be reachable
# by that user: a TMPDIR closed to it (under /root, say) gives way to /tmp, the same way in start and stop.
resolve_dir() {
    dir=${WEBHOOKTASKS_PG_DIR:-${TMPDIR:-/tmp}/webhooktasks-postgres}
    dir=${dir%/}
    if [ -z "${WEBHOOKTASKS_PG_DIR:-}" ] && [ "$(id -u)" -eq 0 ] && id postgres >/dev/null 2>&1 &&
        ! runuser -u postgres -- test -x "$(dirname "$dir")" 2>/dev/null; then
        dir=/tmp/webhooktasks-postgres
    fi
    case "$dir" in
        "" | / | /tmp | /root | /home | /var | /usr)
            echo "postgres.sh: refusing to use $dir as the cluster directory" >&2
            exit 2
            ;;
    esac
    data=$dir/data
    log=$dir/postgres.log
    env_file=$dir/env
    marker=$dir/.webhooktasks-postgres
}
resolve_dir

say() { echo "postgres.sh: $*" >&2; }
die() { say "$*"; exit 1; }

# The newest PostgreSQL server binaries on the machine: Debian puts them in /usr/lib/postgresql/<major>/bin, outside
# PATH; elsewhere they may be on PATH.
find_bindir() {
    local candidate best="" best_major=-1 major
    for candidate in /usr/lib/postgresql/*/bin; do
        [ -x "$candidate/initdb" ] && [ -x "$candidate/pg_ctl" ] && [ -x "$candidate/postgres" ] || continue
        major=$(basename "$(dirname "$candidate")")
        [[ $major =~ ^[0-9]+$ ]] || continue
        if [ "$major" -gt "$best_major" ]; then
            best=$candidate
            best_major=$major
        fi
    done
    if [ -z "$best" ] && command -v initdb >/dev/null && command -v pg_ctl >/dev/null && command -v postgres >/dev/null; then
        best=$(dirname "$(readlink -f "$(command -v initdb)")")
    fi
    echo "$best"
}

install_postgres() {
    command -v apt-get >/dev/null || die "PostgreSQL is not installed and there is no apt-get to install it"
    [ "$(id -u)" -eq 0 ] || die "PostgreSQL is not installed; installing it needs root (apt-get install postgresql)"
    say "installing PostgreSQL from Debian's packages"
    # The package would create and start a cluster of its own on port 5432 ("main"); this script never uses it.
    mkdir -p /etc/postgresql-common/createcluster.d
    echo "create_main_cluster = off" >/etc/postgresql-common/createcluster.d/50-webhooktasks-ci.conf
    export DEBIAN_FRONTEND=noninteractive
    if ! timeout 600 apt-get install -y -q postgresql >&2; then
        say "apt-get install failed; running apt-get update and trying again"
        timeout 600 apt-get update -q >&2
        timeout 600 apt-get install -y -q postgresql >&2
    fi
}

# Runs a command as the cluster's owner: the postgres system user when we are root, ourselves otherwise.
as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

port_in_use() {
    # A connect that succeeds means something listens there.
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

pick_port() {
    local port tries
    for tries in $(seq 1 50); do
        port=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
        if ! port_in_use "$port"; then
            echo "$port"
            return 0
        fi
    done
    die "no free port found"
}

# Whether a process runs with this pid (a zombie does not count: it is gone, only not yet reaped).
alive() {
    [[ ${1:-} =~ ^[0-9]+$ ]] && [ -r "/proc/$1/stat" ] && ! grep -q '^[0-9]* ([^)]*) Z' "/proc/$1/stat" 2>/dev/null
}

# Stops whatever cluster runs in $data, even a half-dead one, and removes $dir.
stop_cluster() {
    local bindir pid
    bindir=$(find_bindir)
    if [ -f "$data/postmaster.pid" ]; then
        pid=$(head -n 1 "$data/postmaster.pid" 2>/dev/null || true)
        if [ -n "$bindir" ] && alive "$pid"; then
            as_owner "$bindir/pg_ctl" -D "$data" -m fast -w -t 30 stop >&2 ||
                as_owner "$bindir/pg_ctl" -D "$data" -m immediate -w -t 30 stop >&2 || true
        fi
        # pg_ctl may have failed (a data directory damaged by hand, binaries gone): end the postmaster by its pid.
        if alive "$pid" && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q -- "$data"; then
            say "ending postmaster $pid"
            kill -TERM "$pid" 2>/dev/null || true
            for _ in $(seq 1 50); do
                alive "$pid" || break
                sleep 0.2
            done
            kill -KILL "$pid" 2>/dev/null || true
        fi
    fi
    if [ -e "$dir" ]; then
        # Only a directory this script made (it holds the marker) or an empty one is removed.
        if [ -e "$marker" ] || [ -z "$(ls -A "$dir" 2>/dev/null)" ]; then
            rm -rf "$dir"
            say "removed $dir"
        else
            die "$dir exists but was not made by this script: not removing it"
        fi
    fi
}

connection_string() {
    echo "Host=127.0.0.1;Port=$1;Username=$superuser;Database=$database"
}

start_cluster() {
    local bindir port attempt started=""
    bindir=$(find_bindir)
    if [ -z "$bindir" ]; then
        install_postgres
        bindir=$(find_bindir)
        [ -n "$bindir" ] || die "PostgreSQL was installed but no initdb/pg_ctl/postgres were found"
        # The postgres user exists now: the directory may have to move (see resolve_dir).
        resolve_dir
    fi
    say "using $("$bindir/postgres" --version) from $bindir"

    if [ -e "$dir" ]; then
        say "a cluster directory was left behind in $dir: stopping and removing it"
        stop_cluster
    fi
    mkdir -p "$dir"
    touch "$marker"
    if [ "$(id -u)" -eq 0 ]; then
        id postgres >/dev/null 2>&1 || die "running as root, but there is no postgres system user to run the server"
        chown postgres: "$dir"
        chmod 700 "$dir"
        runuser -u postgres -- test -w "$dir" ||
            die "the postgres user cannot write to $dir (a parent directory closed to it?): set WEBHOOKTASKS_PG_DIR"
    fi

    as_owner "$bindir/initdb" -D "$data" -U "$superuser" --auth-local=trust --auth-host=trust -E UTF8 --locale=C \
        --no-sync >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; die "initdb failed"; }
    # Loopback only: no line for other addresses, so nothing else may connect even if it could reach the port.
    as_owner tee "$data/pg_hba.conf" >/dev/null <<'EOF'
# TYPE  DATABASE  USER  ADDRESS        METHOD
local   all       all                  trust
host    all       all   127.0.0.1/32   trust
EOF

    for attempt in 1 2 3 4 5; do
        port=$(pick_port)
        as_owner tee "$data/postgresql.auto.conf" >/dev/null <<EOF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
max_connections = 200
fsync = off
synchronous_commit = off
full_page_writes = off
log_min_messages = warning
EOF
        if as_owner "$bindir/pg_ctl" -D "$data" -l "$log" -w -t 60 start >&2; then
            started=yes
            break
        fi
        # Most likely someone took the port between the check and the start: try another one.
        say "the server did not start on port $port (attempt $attempt):"
        tail -n 5 "$log" >&2 || true
    done
    [ -n "$started" ] || die "the server did not start; see $log"

    "$bindir/psql" -X -q -h 127.0.0.1 -p "$port" -U "$superuser" -d postgres -v ON_ERROR_STOP=1 \
        -c "CREATE DATABASE $database" >&2 || die "could not create the database $database"
    echo "WEBHOOKTASKS_TEST_POSTGRES=$(connection_string "$port")" >"$env_file"
    say "PostgreSQL runs on 127.0.0.1:$port, data in $data, log in $log"
    cat "$env_file"
}

cluster_port() {
    [ -f "$data/postmaster.pid" ] || return 1
    sed -n 4p "$data/postmaster.pid"
}

case "${1:-}" in
    start)
        start_cluster
        ;;
    stop)
        stop_cluster
        ;;
    status)
        bindir=$(find_bindir)
        if [ -n "$bindir" ] && [ -d "$data" ] && as_owner "$bindir/pg_ctl" -D "$data" status >&2; then
            exit 0
        fi
        say "no cluster runs in $dir"
        exit 1
        ;;
    env)
        [ -f "$env_file" ] || die "no cluster was started in $dir"
        cat "$env_file"
        ;;
    psql)
        shift
        port=$(cluster_port) || die "no cluster runs in $dir"
        exec "$(find_bindir)/psql" -X -h 127.0.0.1 -p "$port" -U "$superuser" -d "$database" "$@"
        ;;
    *)
        echo "usage: $0 start|stop|status|env|psql [psql arguments]" >&2
        exit 2
        ;;
esac
