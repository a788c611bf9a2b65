#!/usr/bin/env bash
# Restart recovery under kill -9: runs the WAR that `mvn verify` built on a copy of the WildFly it unpacked, with the
# simulated market at high speed so agents trade continuously, kills the JVM with SIGKILL in the middle of trading,
# starts it again and lets it trade on. Then checks in SQLite that no order or fill was lost or doubled:
# every order and fill from before the kill is still there (terminal orders unchanged), every order's filled
# quantity equals the sum of its fills, open positions equal the net of the fills, cash equals the sum of the ledger,
# whose trade entries are each fill's cash flow once (prices in ten-thousandths, rounded half-up to the cent per fill),
# no dividend is paid twice, and every bar is stored once. The simulated market pays dividends often and splits nothing
# here (a split moves positions away from the net of the fills, by design). The metrics' names are the same after the
# restart (every papertrader_* series scraped before it is scraped again after). A parameter sweep going at the kill is
# shown INTERRUPTED after the restart and, resumed, runs only the combinations that had not ended: every run done before
# the kill keeps its end. Needs: target/paper-trader.war, target/wildfly-*, sqlite3, curl.
set -euo pipefail
if [ "${1:-false}" = "true" ]; then echo "kill9-recovery: skipped (it.wildfly-only)"; exit 0; fi
cd "$(dirname "$0")/../../.."

work=$(mktemp -d)
data="$work/data"
db="$data/paper-trader.db"
# shellcheck source=servers.sh
source src/test/scripts/servers.sh
server_copy wildfly 100

admin_password="kill9-$RANDOM$RANDOM"
start() {
    server_start wildfly "server-$1.log" "ADMIN_PASSWORD=$admin_password" -- \
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

# sweep_field NAME: a top-level field of the sweep's JSON (the sweep's own status comes before its runs')
sweep_field() {
    curl -s "$(server_url wildfly "/api/sweeps/$sweep")" | grep -o "\"$1\":[^,}]*" | head -1 | cut -d: -f2 | tr -d '"'
}

start first
wait_for_fills 30
metric_names > "$work/metrics-before"
# 600 backtests of the SMA agent over the AAPL bars stored so far, two at a time: still going when the server dies
sweep=$(curl -s -u "admin:$admin_password" -H 'Content-Type: application/json' -X POST "$(server_url wildfly /api/sweeps)" \
    -d '{"agentId": "sma-crossover", "tickers": "AAPL", "from": "2000-01-01", "to": "2099-12-31", "startingCash": "100000",
         "grid": {"fast": [1, 2, 3], "slow": {"from": 10, "to": 209, "step": 1}}}' | grep -o '"id":"[^"]*"' | cut -d'"' -f4)
[ -n "$sweep" ] || { echo "kill9-recovery: the sweep was not started"; exit 1; }
for _ in $(seq 1 600); do [ "$(sweep_field runsEnded)" -ge 2 ] 2>/dev/null && break; sleep 0.2; done
server_stop wildfly KILL
echo "kill9-recovery: killed the server (SIGKILL) at $(q 'select count(*) from fills') fills," \
    "$(q "select count(*) from backtest_runs where sweepId = '$sweep' and status = 'DONE'") of 600 sweep runs done"

remember_before_crash
q "select id || ' ' || finishedAt from backtest_runs where sweepId = '$sweep' and status = 'DONE' order by id" > "$work/sweep-before"

start second
check "the sweep going at the kill shows as interrupted" "$(sweep_field status)" INTERRUPTED
check "it can be resumed" "$(curl -s -o /dev/null -w '%{http_code}' -u "admin:$admin_password" -X POST \
    "$(server_url wildfly "/api/sweeps/$sweep/resume")")" 202
for _ in $(seq 1 900); do [ "$(sweep_field status)" = DONE ] && break; sleep 0.2; done
wait_for_fills "$(( $(fills_before) + 20 ))"
metric_names > "$work/metrics-after"
server_stop wildfly TERM
echo "kill9-recovery: restarted and traded on to $(q 'select count(*) from fills') fills"

trading_checks
check "runs done before the kill: some, not all" "$(wc -l < "$work/sweep-before" | awk '$1 > 0 && $1 < 600 {print "some"}')" some
check "the resumed sweep ended with every combination done" \
    "$(q "select status || ' ' || (select count(*) from backtest_runs where sweepId = '$sweep' and status = 'DONE')
          from backtest_sweeps where id = '$sweep'")" "DONE 600"
check "every run done before the kill kept its end (not run again)" \
    "$(q "select id || ' ' || finishedAt from backtest_runs where sweepId = '$sweep' order by id" | comm -23 "$work/sweep-before" - | wc -l)" 0

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
