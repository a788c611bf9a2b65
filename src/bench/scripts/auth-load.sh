#!/usr/bin/env bash
# Login cost and bad-login flood (issue "Hardening"), against a real WildFly with the WAR, on the simulated market.
# Run by hand after `mvn -DskipTests package` (or any mvn verify):
#
#     src/bench/scripts/auth-load.sh
#
# In one run, each phase DURATION long with wrk:
#   1. GET /api/status anonymously, then with the admin's correct HTTP Basic credentials, then with an API token
#      (CLIENTS connections each): goal, authenticated throughput >= 0.5 x anonymous (Basic credentials are verified
#      once, then remembered; a token costs one SHA-256 and one indexed lookup);
#   2. the Overview (/) alone, then while FLOOD clients send a wrong Basic password to /api/status 10 times a second
#      in all (the issue's flood): goal, the Overview's p50 and p99 within 2 x of the quiet run (failed attempts from
#      one address are throttled, and hashing runs on one thread); then, reported, while FLOOD connections send wrong
#      passwords as fast as they are answered.
#   3. the trading loop meanwhile (the simulated market trades twelve bars a second): the p50 and p99 duration of the
#      scans that gave a signal (scan_records, which keeps those) during each of the three Overview phases.
# Settings (environment): CLIENTS (4), FLOOD (20), DURATION (20s), PORT_OFFSET (410), WORK (target/bench-auth).
# Needs: wrk (apt-get install -y wrk), curl, sqlite3.
set -euo pipefail
cd "$(dirname "$0")/../../.."

clients=${CLIENTS:-4}
flood=${FLOOD:-20}
duration=${DURATION:-20s}
port_offset=${PORT_OFFSET:-410}
work=${WORK:-target/bench-auth}
password="bench-Pa55-$RANDOM"

war=target/paper-trader.war
wildfly=$(ls -d target/wildfly-*/ 2>/dev/null | head -1)
[ -f "$war" ] && [ -n "$wildfly" ] || { echo "auth-load: run mvn -DskipTests package first (no $war or target/wildfly-*)"; exit 1; }
for tool in wrk curl sqlite3; do
    command -v "$tool" > /dev/null || { echo "auth-load: $tool is missing (Debian: apt-get install -y $tool)"; exit 1; }
done

rm -rf "$work"
mkdir -p "$work"
work=$(cd "$work" && pwd)
server="$work/wildfly"
base="http://127.0.0.1:$((8080 + port_offset))"
cp -r "$wildfly" "$server"
# the WAR is deployed from deployments/ only: drop a deployment `mvn wildfly:run` left in the copied configuration
sed -i '/<deployments>/,/<\/deployments>/d' "$server/standalone/configuration/standalone.xml"
cp "$war" "$server/standalone/deployments/"

ADMIN_PASSWORD="$password" setsid "$server/bin/standalone.sh" -Djboss.socket.binding.port-offset="$port_offset" \
    -Dpapertrader.data-dir="$work/data" > "$work/server.log" 2>&1 &
pgid=$!
stop() {
    kill -TERM -- "-$pgid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 -- "-$pgid" 2>/dev/null || return 0; sleep 1; done
    kill -KILL -- "-$pgid" 2>/dev/null || true
}
trap stop EXIT
for _ in $(seq 1 180); do
    curl -fs "$base/api/status" > /dev/null 2>&1 && break
    sleep 1
done
curl -fs "$base/api/status" > /dev/null || { echo "auth-load: the server did not start; log: $work/server.log"; exit 1; }

good="Authorization: Basic $(printf 'admin:%s' "$password" | base64 -w0)"
bad="Authorization: Basic $(printf 'admin:%s' "wrong-$password" | base64 -w0)"
# a VIEWER token, made on the access page (a request with Basic credentials needs no CSRF token)
secret=$(curl -fs -H "$good" --data 'name=auth-load&role=VIEWER' "$base/admin/access/tokens" | grep -o 'pt_[A-Za-z0-9_-]\{43\}' | head -1)
[ -n "$secret" ] || { echo "auth-load: no token could be made; log: $work/server.log"; exit 1; }
token="Authorization: Bearer $secret"

# requests per second of a wrk run's output
rps() { awk '/^Requests\/sec/ {print $2}'; }
# the 50 % and 99 % latency lines of a wrk --latency run's output
latency() { awk '$1 == "50%" || $1 == "99%" {printf "%s %s  ", $1, $2} END {print ""}'; }
# the newest scan record's id, and the p50 and p99 duration of the scans recorded after id $1 up to id $2
db="$work/data/paper-trader.db"
last_scan() { sqlite3 "$db" 'select coalesce(max(id), 0) from scan_records'; }
scans() {
    sqlite3 "$db" "select durationMicros from scan_records where id > $1 and id <= $2 order by durationMicros" \
        | awk '{d[NR] = $1} END {if (NR == 0) {print "no scans"; exit} printf "%d scans, 50%% %.2fms  99%% %.2fms\n", NR, d[int(NR * 0.5 + 0.5)] / 1000, d[int(NR * 0.99 + 0.5)] / 1000}'
}

wrk -t2 -c"$clients" -d5s "$base/api/status" > /dev/null                        # warm-up
wrk -t2 -c"$clients" -d5s -H "$good" "$base/api/status" > /dev/null
wrk -t2 -c"$clients" -d5s -H "$token" "$base/api/status" > /dev/null
wrk -t2 -c"$clients" -d5s "$base/" > /dev/null

anonymous=$(wrk -t2 -c"$clients" -d"$duration" "$base/api/status" | rps)
basic=$(wrk -t2 -c"$clients" -d"$duration" -H "$good" "$base/api/status" | rps)
bearer=$(wrk -t2 -c"$clients" -d"$duration" -H "$token" "$base/api/status" | rps)
echo "GET /api/status, $clients connections: anonymous $anonymous req/s, admin Basic $basic req/s" \
    "(ratio $(awk -v a="$anonymous" -v b="$basic" 'BEGIN {printf "%.2f", b / a}')), API token $bearer req/s" \
    "(ratio $(awk -v a="$anonymous" -v b="$bearer" 'BEGIN {printf "%.2f", b / a}'))"

s0=$(last_scan)
quiet=$(wrk -t2 -c"$clients" -d"$duration" --latency "$base/" | latency)
s1=$(last_scan)
# The flood of the issue: FLOOD connections sending a wrong password, 10 requests per second in all, from one wrk
# process (each connection waits FLOOD / 10 s between requests), so the flood's own client costs the cores little.
echo "function delay() return $((flood * 100)) end" > "$work/paced.lua"
wrk -t1 -c"$flood" -d"$((${duration%s} + 2))s" -s "$work/paced.lua" -H "$bad" "$base/api/status" > "$work/paced.txt" &
flooding=$!
sleep 1
s2=$(last_scan)
paced=$(wrk -t2 -c"$clients" -d"$duration" --latency "$base/" | latency)
s3=$(last_scan)
wait "$flooding"
# The worst case: FLOOD connections sending wrong passwords as fast as they are answered.
wrk -t2 -c"$flood" -d"$duration" -H "$bad" "$base/api/status" > "$work/flood.txt" &
flooding=$!
sleep 1
s4=$(last_scan)
flooded=$(wrk -t2 -c"$clients" -d"$duration" --latency "$base/" | latency)
s5=$(last_scan)
wait "$flooding"
echo "Overview, $clients connections: quiet $quiet; trading meanwhile: $(scans "$s0" "$s1")"
echo "Overview while $flood clients send a wrong password 10 times a second in all: $paced; trading: $(scans "$s2" "$s3")"
echo "Overview while $flood connections send wrong passwords as fast as they are answered: $flooded; trading: $(scans "$s4" "$s5")"
echo "The paced flood: $(awk '/requests in/ {print $1}' "$work/paced.txt") wrong-password requests answered;" \
    "the fast flood: $(awk '/requests in/ {print $1}' "$work/flood.txt") (401 or 429);" \
    "passwords actually checked and failed in both floods (log lines): $(grep -c 'Failed login for' "$work/server.log" || true)"
