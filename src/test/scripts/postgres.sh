#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the integration tests, from the machine's own PostgreSQL (Debian: postgresql):
#   postgres.sh start STATE_DIR PORT   initdb + start on 127.0.0.1:PORT, superuser papertrader (password papertrader-it),
#                                      database papertrader; the cluster lives in a temporary directory named in STATE_DIR
#   postgres.sh stop STATE_DIR         stop it and delete it
#   postgres.sh pause STATE_DIR        stop the server, keep the cluster (a database that goes away)
#   postgres.sh resume STATE_DIR PORT  start the kept cluster again (the database comes back)
# A last argument "true" does nothing (-Dit.skip-postgres=true).
# PostgreSQL refuses to run as root, so as root the cluster runs as the postgres user, in a directory that user owns
# outside the build (a clone in a private temporary directory is not reachable for it).
set -euo pipefail
command=$1 state=$2
if [ "${!#}" = "true" ]; then echo "postgres.sh: skipped (it.skip-postgres)"; exit 0; fi
user=papertrader password=papertrader-it

bindir=""
if command -v pg_config > /dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then bindir=$(pg_config --bindir); fi
[ -n "$bindir" ] || bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)

as_owner() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

run_server() { # cluster port
    as_owner "$bindir/pg_ctl" -D "$1/data" -l "$1/server.log" -w -t 60 \
        -o "-h 127.0.0.1 -p $2 -k $1 -c fsync=off -c max_connections=200" start > /dev/null
}

case "$command" in
start)
    port=$3
    if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
        echo "postgres.sh: PostgreSQL is not installed, and the integration tests on PostgreSQL need it." >&2
        echo "postgres.sh: install it (Debian: apt-get install postgresql) or skip those tests with -Dit.skip-postgres=true." >&2
        exit 1
    fi
    [ ! -f "$state/cluster" ] || "$0" stop "$state"
    # a cluster an interrupted build left on this port (its state went with `mvn clean`)
    for pid_file in /tmp/paper-trader-it-pg.*/data/postmaster.pid; do
        [ -f "$pid_file" ] && [ "$(sed -n 4p "$pid_file")" = "$port" ] || continue
        as_owner "$bindir/pg_ctl" -D "$(dirname "$pid_file")" -m immediate -w stop > /dev/null || true
        rm -rf "$(dirname "$(dirname "$pid_file")")"
    done
    mkdir -p "$state"
    cluster=$(mktemp -d /tmp/paper-trader-it-pg.XXXXXX)
    echo "$cluster" > "$state/cluster"
    echo "$password" > "$cluster/pwfile"
    [ "$(id -u)" != 0 ] || chown -R postgres: "$cluster"
    as_owner "$bindir/initdb" -D "$cluster/data" -U "$user" --pwfile="$cluster/pwfile" --auth=scram-sha-256 \
        --encoding=UTF8 --locale=C.UTF-8 > "$cluster/initdb.log"
    run_server "$cluster" "$port"
    PGPASSWORD=$password "$bindir/createdb" -h 127.0.0.1 -p "$port" -U "$user" papertrader
    echo "postgres.sh: PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$port ($cluster)"
    ;;
stop)
    [ -f "$state/cluster" ] || exit 0
    cluster=$(cat "$state/cluster")
    if [ -d "$cluster/data" ]; then
        as_owner "$bindir/pg_ctl" -D "$cluster/data" -m fast -w stop > /dev/null || true
    fi
    rm -rf "$cluster" "$state/cluster"
    ;;
pause)
    as_owner "$bindir/pg_ctl" -D "$(cat "$state/cluster")/data" -m fast -w stop > /dev/null
    ;;
resume)
    run_server "$(cat "$state/cluster")" "$3"
    ;;
*)
    echo "usage: postgres.sh start STATE_DIR PORT | stop STATE_DIR | pause STATE_DIR | resume STATE_DIR PORT" >&2; exit 2 ;;
esac
