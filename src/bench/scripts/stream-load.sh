#!/usr/bin/env bash
# End to end on the minute stream (issue "Universe scale"): bar end -> orders stored for 3,000 tickers x 20 agents,
# through a real WildFly running target/paper-trader.war with polygon.feed=websocket, fed by a local stub of Polygon's
# WebSocket host and REST host (src/bench/java/com/papertrader/bench/PolygonStreamLoad.java, run as a source file: JDK
# only). Goal: p99 < 2 s. Run by hand after `mvn -DskipTests package`, alone on the machine:
#
#     src/bench/scripts/stream-load.sh
#
# It copies the WildFly that the build unpacked into target/, deploys target/paper-trader.war, starts it once on an empty
# data directory (simulated market, poller off) to create the schema and the three sample agents, stops it, makes them
# 20 (the three samples repeated, as in the JMH benchmarks, all watching every ticker: sqlite3), then starts the stub and
# the server on Polygon: market.provider-delay-minutes is chosen so that the server's market time is 10:00 New York on
# the last weekday before today (MARKET_DAY=yyyy-mm-dd for another), market.backfill-days=1. The server backfills the day
# before by REST, subscribes to AM.<ticker> for every ticker, and from then on the stub sends each minute's frame of all
# tickers when that minute ends in market time. After WARMUP bars traded by the stream, BARS bars are measured: from each
# bar's end (market time + delay = when its last minute's frame is sent) to its orders stored, as the server reports it
# (/api/status stream.lastTradedAfterBarEndMs, less the delay) and as a client sees it (the `trading` event on
# /api/events); p50/p90/p99/max, and the CPU of the server and of the stub over those bar periods.
#
# The server knows no fast clock on Polygon (its market time is the wall clock less the delay), so real 5-minute bars
# take 5 minutes each; BAR_MINUTES=1 (the default) measures the same path bar after bar in a minute each (see
# BENCHMARKS.md, "The minute stream end to end").
#
# Settings (environment): TICKERS (3000), AGENTS (20), BAR_MINUTES (1), BARS (25), WARMUP (3), MARKET_DAY, HEAP (2g: the
# server's -Xms/-Xmx), JFR (when set: a JDK Flight Recorder profile of the server's run in WORK/server.jfr), PORT_OFFSET
# (500), REST_PORT (58580), WS_PORT (58581), WORK (target/bench-stream).
# Needs: sqlite3, curl.
set -euo pipefail
cd "$(dirname "$0")/../../.."

tickers=${TICKERS:-3000}
agents=${AGENTS:-20}
bar_minutes=${BAR_MINUTES:-1}
bars=${BARS:-25}
warmup=${WARMUP:-3}
heap=${HEAP:-2g}
port_offset=${PORT_OFFSET:-500}
rest_port=${REST_PORT:-58580}
ws_port=${WS_PORT:-58581}
work=${WORK:-target/bench-stream}
stub_source=src/bench/java/com/papertrader/bench/PolygonStreamLoad.java

war=target/paper-trader.war
wildfly=$(ls -d target/wildfly-*/ 2>/dev/null | head -1)
[ -f "$war" ] && [ -n "$wildfly" ] || { echo "stream-load: run mvn -DskipTests package first (no $war or target/wildfly-*)"; exit 1; }
for tool in sqlite3 curl java; do
    command -v "$tool" > /dev/null || { echo "stream-load: $tool is missing (Debian: apt-get install -y $tool)"; exit 1; }
done

mkdir -p "$work"
work=$(cd "$work" && pwd)
server="$work/wildfly"
data="$work/data"
db="$data/paper-trader.db"
base="http://127.0.0.1:$((8080 + port_offset))"
rm -rf "$server" "$data" "$work"/*.log "$work/server.pid" "$work/gc.log" "$work/server.jfr"
cp -r "$wildfly" "$server"
cp "$war" "$server/standalone/deployments/"
pgid=""
stub=""

start() {
    setsid "$server/bin/standalone.sh" -Djboss.socket.binding.port-offset="$port_offset" -Dpapertrader.data-dir="$data" \
        > "$work/server-$1.log" 2>&1 &
    pgid=$!
    for _ in $(seq 1 180); do
        curl -fs "$base/api/status" > /dev/null 2>&1 && return 0
        sleep 1
    done
    echo "stream-load: the server did not start; log: $work/server-$1.log"; tail -30 "$work/server-$1.log"; exit 1
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
trap 'stop; [ -z "$stub" ] || kill "$stub" 2>/dev/null || true' EXIT

q() { sqlite3 -batch -noheader "$db" "$1"; }

echo "stream-load: creating the schema and the sample agents (first start, simulated market, poller off)"
POLLER_ENABLED=false start schema
stop
# The three samples repeated under 20 ids (copy n of sample n % 3), every one watching every ticker; each copy opens its
# account at start-up.
q "PRAGMA journal_mode = WAL;
   UPDATE agent SET tickers = '*';
   CREATE TEMP TABLE samples AS SELECT row_number() OVER (ORDER BY id) - 1 AS k, * FROM agent;
   CREATE TEMP TABLE copies AS
       WITH RECURSIVE n(i) AS (SELECT 3 UNION ALL SELECT i + 1 FROM n WHERE i < $agents - 1)
       SELECT samples.*, n.i AS i FROM samples JOIN n ON samples.k = n.i % 3;
   UPDATE copies SET id = id || '-' || i, name = name || ' ' || i, accountId = id || '-' || i;
   ALTER TABLE copies DROP COLUMN i;
   ALTER TABLE copies DROP COLUMN k;
   INSERT INTO agent SELECT * FROM copies;" > /dev/null
echo "stream-load: $(q 'select count(*) from agent') agents: $(q "select group_concat(id, ' ') from agent")"

delay=$(java "$stub_source" delay-for ${MARKET_DAY:-})
symbols=$(seq -f 'U%04g' 1 "$tickers" | paste -sd,)
java -Xmx512m "$stub_source" run delay="$delay" bar-minutes="$bar_minutes" bars="$bars" warmup="$warmup" rest-port="$rest_port" \
    ws-port="$ws_port" server="$base" server-pid-file="$work/server.pid" clk-tck="$(getconf CLK_TCK)" > "$work/stub.log" 2>&1 &
stub=$!
sleep 3
echo "stream-load: $tickers tickers x $agents agents, ${bar_minutes}-minute bars, provider delay $delay min; stub: $work/stub.log"

POLYGON_API_KEY=bench-stream-key POLYGON_BASE_URL="http://127.0.0.1:$rest_port" POLYGON_FEED=websocket \
POLYGON_WEBSOCKET_URL="ws://127.0.0.1:$ws_port/stocks" POLYGON_CALLS_PER_MINUTE=6000 POLYGON_CONCURRENT_CALLS=8 \
MARKET_TICKERS="$symbols" MARKET_BAR_MINUTES="$bar_minutes" MARKET_PROVIDER_DELAY_MINUTES="$delay" MARKET_BACKFILL_DAYS=1 \
JBOSS_JAVA_SIZING="-Xms$heap -Xmx$heap -Xlog:gc:file=$work/gc.log${JFR:+ -XX:StartFlightRecording=filename=$work/server.jfr,settings=profile}" \
    start stream
pgrep -g "$pgid" java | head -1 > "$work/server.pid"
echo "stream-load: server up (pid $(cat "$work/server.pid")); backfilling, then streaming; measuring $bars bars after $warmup"

# The stub ends once it has measured (or the session ended); allow the backfill and every bar a generous margin.
deadline=$(( $(date +%s) + (warmup + bars + 2) * bar_minutes * 60 + 1200 ))
while kill -0 "$stub" 2>/dev/null && [ "$(date +%s)" -lt "$deadline" ]; do
    sleep 10
done
if kill -0 "$stub" 2>/dev/null; then
    echo "stream-load: the stub did not finish in time"; kill "$stub"
fi
stub=""
# the server's log up to the end of the measurement (the stub's REST host is gone from now on)
cp "$work/server-stream.log" "$work/server-measured.log"
cat "$work/stub.log"

echo
echo "stream-load: /api/status at the end: $(curl -fs "$base/api/status" | grep -o '"lastCycle":{[^}]*}\|"stream":{[^}]*}' | tr '\n' ' ')"
echo "stream-load: database: $(q 'select count(*) from ohlcv_data') bars, $(q 'select count(*) from orders') orders" \
    "($(q "select count(*) from orders where status = 'REJECTED'") refused and kept), $(q 'select count(*) from fills') fills"
log="$work/server-measured.log"
echo "stream-load: server log until the end of the measurement: $(grep -c ' SEVERE \| ERROR ' "$log" || true) SEVERE or ERROR," \
    "$(grep -c ' WARN ' "$log" || true) WARN, $(grep -c SQLITE_BUSY "$log" || true) SQLITE_BUSY; the last of level WARN or worse:"
grep ' WARN \| SEVERE \| ERROR ' "$log" | tail -5 | cut -c1-300 || true
echo "stream-load: GC: $(grep -c Pause "$work/gc.log" || true) pauses, the longest (ms): $(grep Pause "$work/gc.log" \
    | grep -o '[0-9.]*ms$' | sort -n | tail -3 | tr '\n' ' ')"
stop
