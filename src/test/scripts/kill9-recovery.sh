#!/usr/bin/env bash
# Restart recovery under kill -9: runs the WAR that `mvn verify` built on a copy of the WildFly it unpacked, with the
# simulated market at high speed so agents trade continuously, kills the JVM with SIGKILL in the middle of trading,
# starts it again and lets it trade on. Then checks in SQLite that no order or fill was lost or doubled:
# every order and fill from before the kill is still there (terminal orders unchanged), every order's filled
# quantity equals the sum of its fills, open positions equal the net of the fills, cash equals the sum of the ledger,
# whose trade entries are each fill's cash flow once (prices in ten-thousandths, rounded half-up to the cent per fill),
# no dividend is paid twice, and every bar is stored once. The simulated market pays dividends often and splits nothing
# here (a split moves positions away from the net of the fills, by design). Needs: target/paper-trader.war,
# target/wildfly-*, sqlite3, curl.
set -euo pipefail
if [ "${1:-false}" = "true" ]; then echo "kill9-recovery: skipped (it.wildfly-only)"; exit 0; fi
cd "$(dirname "$0")/../../.."

war=target/paper-trader.war
wildfly=$(ls -d target/wildfly-*/ 2>/dev/null | head -1)
[ -f "$war" ] && [ -n "$wildfly" ] || { echo "kill9-recovery: run mvn verify first (no $war or target/wildfly-*)"; exit 1; }

work=$(mktemp -d)
server="$work/wildfly"
data="$work/data"
db="$data/paper-trader.db"
port_offset=100
status_url="http://127.0.0.1:$((8080 + port_offset))/api/status"
cp -r "$wildfly" "$server"
# the WAR is deployed from deployments/ only: drop a deployment `mvn wildfly:run` left in the copied configuration
sed -i '/<deployments>/,/<\/deployments>/d' "$server/standalone/configuration/standalone.xml"
cp "$war" "$server/standalone/deployments/"
pgid=""

start() {
    setsid "$server/bin/standalone.sh" -Djboss.socket.binding.port-offset=$port_offset \
        -Dpapertrader.data-dir="$data" -Dsimulated.speed=120 -Dsimulated.split-chance=0 -Dsimulated.dividend-chance=0.05 \
        > "$work/server-$1.log" 2>&1 &
    pgid=$!
    for _ in $(seq 1 120); do
        curl -fs "$status_url" > /dev/null 2>&1 && return 0
        sleep 1
    done
    echo "kill9-recovery: the server did not start; log: $work/server-$1.log"; tail -30 "$work/server-$1.log"; exit 1
}

stop_group() {
    kill "-$1" -- "-$pgid" 2>/dev/null || true
    for _ in $(seq 1 60); do
        kill -0 -- "-$pgid" 2>/dev/null || return 0
        sleep 1
    done
    kill -KILL -- "-$pgid" 2>/dev/null || true
}
trap 'stop_group KILL; rm -rf "$work"' EXIT

q() { sqlite3 -batch -noheader "$db" "$1"; }
# shellcheck source=trading-checks.sh
source src/test/scripts/trading-checks.sh

wait_for_fills() {
    for _ in $(seq 1 180); do
        [ "$(q 'select count(*) from fills' 2>/dev/null || echo 0)" -ge "$1" ] && return 0
        sleep 1
    done
    echo "kill9-recovery: fewer than $1 fills after 3 minutes"; exit 1
}

start first
wait_for_fills 30
sleep "$((RANDOM % 3)).$((RANDOM % 10))"
stop_group KILL
echo "kill9-recovery: killed the server (SIGKILL) at $(q 'select count(*) from fills') fills"

remember_before_crash

start second
wait_for_fills "$(( $(fills_before) + 20 ))"
stop_group TERM
echo "kill9-recovery: restarted and traded on to $(q 'select count(*) from fills') fills"

trading_checks

if [ "$failed" -gt 0 ]; then
    echo "kill9-recovery: $failed checks failed; server logs kept in $work"
    trap 'stop_group KILL' EXIT
    exit 1
fi
echo "kill9-recovery: all checks held after a kill -9 and a restart"
