#!/usr/bin/env bash
# Restart recovery under kill -9: runs the WAR that `mvn verify` built on a copy of the WildFly it unpacked, with the
# simulated market at high speed so agents trade continuously, kills the JVM with SIGKILL in the middle of trading,
# starts it again and lets it trade on. Then checks in SQLite that no order or fill was lost or doubled:
# every order and fill from before the kill is still there (terminal orders unchanged), every order's filled
# quantity equals the sum of its fills, open positions equal the net of the fills, cash equals the sum of the ledger,
# whose trade entries are each fill's cash flow once (prices in ten-thousandths, rounded half-up to the cent per fill),
# no dividend is paid twice, and every bar is stored once. The simulated market pays dividends often and splits nothing
# here (a split moves positions away from the net of the fills, by design). The metrics' names are the same after the
# restart (every papertrader_* series scraped before it is scraped again after). Needs: target/paper-trader.war,
# target/wildfly-*, sqlite3, curl.
set -euo pipefail
if [ "${1:-false}" = "true" ]; then echo "kill9-recovery: skipped (it.wildfly-only)"; exit 0; fi
cd "$(dirname "$0")/../../.."

work=$(mktemp -d)
data="$work/data"
db="$data/paper-trader.db"
# shellcheck source=servers.sh
source src/test/scripts/servers.sh
server_copy wildfly 100

start() {
    server_start wildfly "server-$1.log" -- \
        -Dpapertrader.data-dir="$data" -Dsimulated.speed=120 -Dsimulated.split-chance=0 -Dsimulated.dividend-chance=0.05 -Dmetrics.public=true
}
trap 'server_stop_all; rm -rf "$work"' EXIT

q() { sqlite3 -batch -noheader "$db" "$1"; }
# shellcheck source=trading-checks.sh
source src/test/scripts/trading-checks.sh

metric_names() {
    curl -sf "$(server_url wildfly /metrics)" | grep -o '^papertrader_[a-z_]*' | sort -u
}

wait_for_fills() {
    for _ in $(seq 1 180); do
        [ "$(q 'select count(*) from fills' 2>/dev/null || echo 0)" -ge "$1" ] && return 0
        sleep 1
    done
    echo "kill9-recovery: fewer than $1 fills after 3 minutes"; exit 1
}

start first
wait_for_fills 30
metric_names > "$work/metrics-before"
sleep "$((RANDOM % 3)).$((RANDOM % 10))"
server_stop wildfly KILL
echo "kill9-recovery: killed the server (SIGKILL) at $(q 'select count(*) from fills') fills"

remember_before_crash

start second
wait_for_fills "$(( $(fills_before) + 20 ))"
metric_names > "$work/metrics-after"
server_stop wildfly TERM
echo "kill9-recovery: restarted and traded on to $(q 'select count(*) from fills') fills"

trading_checks

lost_names=$(comm -23 "$work/metrics-before" "$work/metrics-after")
if [ "$(wc -l < "$work/metrics-before")" -lt 10 ] || [ -n "$lost_names" ]; then
    echo "FAILED: the metrics' names are not the same after the restart; before: $(tr '\n' ' ' < "$work/metrics-before")," \
        "missing after: ${lost_names:-none}"
    failed=$((failed + 1))
else
    echo "  ok: the $(wc -l < "$work/metrics-before") papertrader_* metric names scraped before the kill are there after the restart"
fi

if [ "$failed" -gt 0 ]; then
    echo "kill9-recovery: $failed checks failed; server logs kept in $work"
    trap 'server_stop_all' EXIT
    exit 1
fi
echo "kill9-recovery: all checks held after a kill -9 and a restart"
