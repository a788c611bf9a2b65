#!/usr/bin/env bash
# HTTP speed benchmark (issue 6): with 1M bars and 100k orders in SQLite and the simulated market ingesting, 20
# concurrent clients on the Overview, the Orders page and a chart's bar API. Goal: p95 < 50 ms per request, 0 errors,
# 0 SQLITE_BUSY in the server log. Run by hand after `mvn -DskipTests package` (or any mvn verify):
#
#     src/bench/scripts/http-load.sh
#
# It copies the WildFly that the build unpacked into target/, deploys target/paper-trader.war, creates the schema by
# starting the server once on an empty data directory, seeds it with seed.sql and seed-orders.sql (sqlite3), starts the server again with
# the simulated market (at SPEED 1 a bar for each of the 8 default tickers every 5 s), waits for its start-up backfill, warms
# up, then runs one wrk per URL at the
# same time, the 20 connections split between them, and prints each URL's requests, errors and latency percentiles,
# and the SQLITE_BUSY lines of the server log. The seeded data directory is kept in $WORK and reused by the next run.
#
# With DATABASE=postgresql the seeded SQLite file is moved into a throwaway PostgreSQL cluster (src/test/scripts/postgres.sh,
# port PG_PORT, 55434) by the move command (SqliteToPostgres, timed: issue "Outgrowing one machine") and the server runs
# on PostgreSQL; the same load follows, and the CPU per request counts the cluster's processes besides the JVM. With
# STATEMENTS=1 as well the cluster loads pg_stat_statements (it costs a little CPU, so it is off for the figures) and
# the CPU section lists, for each URL, the statements its requests ran: calls and execution time per request.
#
# With SCALE=1 seed-scale.sql adds 97 agents, 900,000 orders (1M in all) and 100,000 closed positions (issue "Universe
# scale": pages with 100 agents and 1M orders); its data directory is target/bench-http-scale.
#
# Settings (environment): URLS (space-separated paths), CLIENTS (20), DURATION (30s), WARMUP (60s per URL: on two cores
# the JIT still compiles the pages for minutes, and the figures are for a server that has been running), IO_THREADS and
# WORKER_THREADS (the server's request threads; configure-server.cli's 2 and 4 by default), PORT_OFFSET (400), WORK
# (target/bench-http), SPEED (simulated market minutes per real second: 1, a bar per ticker every 5 s, one per poll; the
# application's default 60 stores 60 bars per ticker at each 5-second poll). Needs: sqlite3, wrk (apt-get install -y
# wrk), curl.
set -euo pipefail
cd "$(dirname "$0")/../../.."

urls=(${URLS:-/ /orders /api/bars/BK07})
clients=${CLIENTS:-20}
duration=${DURATION:-30s}
warmup=${WARMUP:-60s}
port_offset=${PORT_OFFSET:-400}
scale=${SCALE:-0}
work=${WORK:-target/bench-http$([ "$scale" = 1 ] && echo -scale || true)}
speed=${SPEED:-1}
database=${DATABASE:-sqlite}
statements=${STATEMENTS:-0}
pg_port=${PG_PORT:-55434}
scripts=src/bench/scripts

war=target/paper-trader.war
wildfly=$(ls -d target/wildfly-*/ 2>/dev/null | head -1)
[ -f "$war" ] && [ -n "$wildfly" ] || { echo "http-load: run mvn -DskipTests package first (no $war or target/wildfly-*)"; exit 1; }
for tool in sqlite3 wrk curl; do
    command -v "$tool" > /dev/null || { echo "http-load: $tool is missing (Debian: apt-get install -y $tool)"; exit 1; }
done

mkdir -p "$work"
work=$(cd "$work" && pwd)
server="$work/wildfly"
data="$work/data"
db="$data/paper-trader.db"
base="http://127.0.0.1:$((8080 + port_offset))"
rm -rf "$server"
cp -r "$wildfly" "$server"
cp "$war" "$server/standalone/deployments/"
pgid=""
on_postgres=()
# the server's request threads (configure-server.cli: 2 I/O, 4 workers) unless IO_THREADS / WORKER_THREADS say otherwise
threads=(${IO_THREADS:+-Dpapertrader.http.io-threads=$IO_THREADS} ${WORKER_THREADS:+-Dpapertrader.http.worker-threads=$WORKER_THREADS})

start() {
    PAPERTRADER_DB_PASSWORD=papertrader-it setsid "$server/bin/standalone.sh" -Djboss.socket.binding.port-offset="$port_offset" \
        -Dpapertrader.data-dir="$data" -Dsimulated.speed="$speed" "${on_postgres[@]}" "${threads[@]}" > "$work/server-$1.log" 2>&1 &
    pgid=$!
    for _ in $(seq 1 180); do
        curl -fs "$base/api/status" > /dev/null 2>&1 && return 0
        sleep 1
    done
    echo "http-load: the server did not start; log: $work/server-$1.log"; tail -30 "$work/server-$1.log"; exit 1
}

stop() {
    [ -n "$pgid" ] || return 0
    kill -TERM -- "-$pgid" 2>/dev/null || true
    for _ in $(seq 1 60); do
        kill -0 -- "-$pgid" 2>/dev/null || { pgid=""; return 0; }
        sleep 1
    done
    kill -KILL -- "-$pgid" 2>/dev/null || true
    pgid=""
}
trap 'stop; [ "$database" = sqlite ] || bash src/test/scripts/postgres.sh stop "$work/postgres"' EXIT

q() { sqlite3 -batch -noheader "$db" "$1"; }

orders_wanted=$([ "$scale" = 1 ] && echo 1000000 || echo 100000)
if [ "$(q 'select count(*) from ohlcv_data' 2>/dev/null || echo 0)" -lt 1000000 ] \
        || [ "$(q 'select count(*) from orders' 2>/dev/null || echo 0)" -lt "$orders_wanted" ]; then
    rm -rf "$data"
    echo "http-load: creating the schema (first start on an empty data directory)"
    start schema
    stop
    echo "http-load: seeding 1M bars and 100k orders"
    # one sqlite3 session: seed.sql and seed-scale.sql leave the orders in a temp table that seed-orders.sql writes
    seeds=("$scripts/seed.sql")
    [ "$scale" = 1 ] && echo "http-load: and 97 more agents, 900k more orders and 100k closed positions" && seeds+=("$scripts/seed-scale.sql")
    time cat "${seeds[@]}" "$scripts/seed-orders.sql" | sqlite3 -batch "$db"
fi
echo "http-load: $(q 'select count(*) from ohlcv_data') bars, $(q 'select count(*) from orders') orders, $(q 'select count(*) from fills') fills,\
 $(q 'select count(*) from agent') agents, $(q 'select count(*) from positions') positions"

if [ "$database" = postgresql ]; then
    bash src/test/scripts/postgres.sh start "$work/postgres" "$pg_port"
    export PGPASSWORD=papertrader-it
    psql_as() { psql -h 127.0.0.1 -p "$pg_port" -U papertrader -d papertrader -X -q -A -t "$@"; }
    if [ "$statements" = 1 ]; then
        psql_as -c "ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'"
        bash src/test/scripts/postgres.sh pause "$work/postgres"
        bash src/test/scripts/postgres.sh resume "$work/postgres" "$pg_port"
    fi
    echo "http-load: moving the SQLite database into PostgreSQL (SqliteToPostgres)"
    start_move=$(date +%s%N)
    PAPERTRADER_DB_URL="jdbc:postgresql://127.0.0.1:$pg_port/papertrader" PAPERTRADER_DB_USER=papertrader \
        PAPERTRADER_DB_PASSWORD=papertrader-it java -cp "target/paper-trader/WEB-INF/classes:target/paper-trader/WEB-INF/lib/*" \
        com.papertrader.infrastructure.persistence.SqliteToPostgres "$db"
    echo "http-load: moved in $(( ($(date +%s%N) - start_move) / 1000000 )) ms"
    # after the move, which copies into an empty database only (the extension's views count as tables)
    [ "$statements" != 1 ] || psql_as -c 'CREATE EXTENSION pg_stat_statements'
    on_postgres=(-Dpapertrader.db.url="jdbc:postgresql://127.0.0.1:$pg_port/papertrader" -Dpapertrader.db.user=papertrader)
    q() { psql_as -c "$1"; }
fi

start load
# On start the simulated market backfills the last days (thousands of bars, traded as one long bar event); the
# figures are for steady ingestion, a bar per ticker every 5 s, so wait until fewer than 100 bars arrive in 10 s.
echo "http-load: waiting for the start-up backfill to be stored and traded"
previous=-1
for _ in $(seq 1 30); do
    sleep 10
    count=$(q 'select count(*) from ohlcv_data')
    [ "$previous" -ge 0 ] && [ $((count - previous)) -lt 100 ] && break
    previous=$count
done
echo "http-load: warming up ($warmup, ${#urls[@]} URLs)"
for url in "${urls[@]}"; do
    echo "  $url: HTTP $(curl -s -o /dev/null -w '%{http_code}' "$base$url")"
    wrk -t1 -c2 -d"$warmup" "$base$url" > /dev/null
done

# What a request costs the server in CPU, whatever else runs on the machine: one client per URL for 10 s, the JVM's
# user + system time (/proc, clock ticks) divided by the requests (the ingesting poller's share included). On
# PostgreSQL the same for the cluster: its postmaster's own and reaped children's time (a backend that ended within
# the 10 s is counted there) plus each live child's (the backends serving the pool, the background writers).
java_pid=$(pgrep -g "$pgid" java | head -1)
ticks=$(getconf CLK_TCK)
cpu() { awk '{print $14 + $15}' "/proc/$java_pid/stat"; }
postmaster=""
[ "$database" = sqlite ] || postmaster=$(head -1 "$(cat "$work/postgres/cluster")/data/postmaster.pid")
database_cpu() {
    [ -n "$postmaster" ] || { echo 0; return; }
    { awk '{print $14 + $15 + $16 + $17}' "/proc/$postmaster/stat"
      for child in $(pgrep -P "$postmaster"); do awk '{print $14 + $15}' "/proc/$child/stat" 2>/dev/null || true; done
    } | awk '{sum += $1} END {print sum}'
}
per_request() { awk -v t="$1" -v n="$2" -v hz="$ticks" 'BEGIN {printf "%.2f", t * 1000 / hz / n}'; }
bars_before=$(q 'select count(*) from ohlcv_data')
load_before=$(cpu)
load_database_before=$(database_cpu)
echo "http-load: $clients clients for $duration, split over ${#urls[@]} URLs, all at once, while the poller ingests"
rm -f "$work"/wrk-*.txt
pids=()
for i in "${!urls[@]}"; do
    connections=$(( clients / ${#urls[@]} + (i < clients % ${#urls[@]} ? 1 : 0) ))
    wrk -t1 -c"$connections" -d"$duration" --latency -s "$scripts/latency.lua" "$base${urls[$i]}" \
        | tail -1 | sed "s|^|  ${urls[$i]} ($connections clients): |" > "$work/wrk-$i.txt" &
    pids+=($!)
done
wait "${pids[@]}"
load_after=$(cpu)
load_database_after=$(database_cpu)
cat "$work"/wrk-*.txt
load_requests=$(cat "$work"/wrk-*.txt | sed -n 's/.*requests=\([0-9]*\).*/\1/p' | awk '{n += $1} END {print n}')
echo "http-load: CPU per request under this load, all URLs together: $(per_request $((load_after - load_before)) "$load_requests") ms JVM$(
    [ -z "$postmaster" ] || echo ", $(per_request $((load_database_after - load_database_before)) "$load_requests") ms PostgreSQL")"
echo "http-load: bars ingested during the run: $(( $(q 'select count(*) from ohlcv_data') - bars_before ))"
echo "http-load: SQLITE_BUSY in the server log: $(grep -c SQLITE_BUSY "$work/server-load.log" || true)"

echo "http-load: server CPU per request, one client at a time for 10 s (load average now: $(cut -d' ' -f1-3 /proc/loadavg))"
for url in "${urls[@]}"; do
    [ "$statements" != 1 ] || q 'SELECT pg_stat_statements_reset()' > /dev/null
    before=$(cpu)
    database_before=$(database_cpu)
    requests=$(wrk -t1 -c1 -d10s "$base$url" | awk '/requests in/ {print $1}')
    after=$(cpu)
    database_after=$(database_cpu)
    if [ -z "$postmaster" ]; then
        echo "  $url: $requests requests, $(per_request $((after - before)) "$requests") ms CPU each"
    else
        echo "  $url: $requests requests, $(per_request $((after - before)) "$requests") ms JVM CPU each," \
            "$(per_request $((database_after - database_before)) "$requests") ms PostgreSQL CPU each"
    fi
    if [ "$statements" = 1 ]; then
        echo "    calls per request, ms per request, statement (pg_stat_statements, the ingesting poller's included):"
        q "SELECT round(calls::numeric / $requests, 2) || ' | ' || round((total_exec_time / $requests)::numeric, 3) || ' | '
                  || left(regexp_replace(query, '\s+', ' ', 'g'), 160)
           FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = 'papertrader')
           ORDER BY total_exec_time DESC LIMIT 12" | sed 's/^/      /'
    fi
done
