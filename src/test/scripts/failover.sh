#!/usr/bin/env bash
# Failover: two servers (copies of the WildFly `mvn verify` unpacked, with the WAR it built) on one PostgreSQL database
# (a throwaway cluster, src/test/scripts/postgres.sh), the simulated market at high speed so agents trade continuously.
# The first server runs the desk, the second stands by; a page open on the standby receives the desk's trading live.
# An agent paused through the standby's admin form places no
# order from the active desk's next poll on. Then the active server is killed with SIGKILL in the middle of trading:
# the standby must run the desk within 30 s and trade on. Afterwards the same checks as after kill -9 on one server
# (trading-checks.sh: nothing lost, nothing twice, every event chain complete, cash = ledger = fills to the cent).
# Prints the takeover time and the time to the first order of the new desk (BENCHMARKS.md, "Failover").
# Arguments: it.wildfly-only, it.skip-postgres ("true" skips) and the cluster's port. Needs: target/paper-trader.war,
# target/wildfly-*, PostgreSQL (initdb, psql), curl.
set -euo pipefail
if [ "${1:-false}" = "true" ] || [ "${2:-false}" = "true" ]; then echo "failover: skipped (it.wildfly-only or it.skip-postgres)"; exit 0; fi
port=${3:-55433}
cd "$(dirname "$0")/../../.."

work=$(mktemp -d)
export PGPASSWORD=papertrader-it
bash src/test/scripts/postgres.sh start "$work/postgres" "$port"
q() { psql -h 127.0.0.1 -p "$port" -U papertrader -d papertrader -X -A -t -F ' ' -c "$1"; }
# shellcheck source=trading-checks.sh
source src/test/scripts/trading-checks.sh
# shellcheck source=servers.sh
source src/test/scripts/servers.sh

admin_password="failover-$RANDOM$RANDOM"
server_copy a 300
server_copy b 400

url() { server_url "$1" "$2"; }
role() { curl -fs "$(url "$1" /api/status)" 2>/dev/null | grep -o '"role":"[a-z]*"' | cut -d'"' -f4 || true; }

start() {
    server_start "$1" "server-$1.log" "PAPERTRADER_DB_PASSWORD=$PGPASSWORD" "ADMIN_PASSWORD=$admin_password" -- \
        -Dpapertrader.data-dir="$work/data-$1" \
        -Dpapertrader.db.url="jdbc:postgresql://127.0.0.1:$port/papertrader" -Dpapertrader.db.user=papertrader \
        -Dsimulated.speed=120 -Dsimulated.split-chance=0 -Dsimulated.dividend-chance=0.05
    for _ in $(seq 1 60); do
        [ -n "$(role "$1")" ] && return 0
        sleep 1
    done
    echo "failover: server $1 gives no status; log: $work/server-$1.log"; tail -30 "$work/server-$1.log"; exit 1
}

cleanup() {
    server_stop_all
    bash src/test/scripts/postgres.sh stop "$work/postgres"
}
trap 'cleanup; rm -rf "$work"' EXIT

wait_for_fills() {
    for _ in $(seq 1 180); do
        [ "$(q 'select count(*) from fills' 2>/dev/null || echo 0)" -ge "$1" ] && return 0
        sleep 1
    done
    echo "failover: fewer than $1 fills after 3 minutes"; exit 1
}

# A bar stored after "$1" bars were: returns that newest bar's start (epoch ms) once the bar count passed it.
newest_bar_after() {
    for _ in $(seq 1 60); do
        read -r bars newest <<< "$(q 'select count(*), max(bar_start) from ohlcv_data')"
        [ "$bars" -gt "$1" ] && { echo "$newest"; return 0; }
        sleep 1
    done
    echo "failover: no new bar within a minute" >&2; exit 1
}

standby_equity() { curl -fs "$(url b /api/status)" | grep -o '"totalEquity":"[0-9.-]*"' | cut -d'"' -f4; }
standby_follows() { [ "$(standby_equity)" != "$1" ]; }

start a
start b
standby_equity_at_start=$(standby_equity)
check "the first server runs the desk" "$(role a)" active
check "the second stands by" "$(role b)" standby
check "a standby is healthy" "$(curl -fs "$(url b /health)" | grep -o '"status":"[A-Z]*"')" '"status":"UP"'

wait_for_fills 20
follows=no
for _ in $(seq 1 40); do
    if standby_follows "$standby_equity_at_start"; then follows=yes; break; fi
    sleep 0.5
done
check "the standby's status follows the active desk's equity (not its own start-up read)" "$follows" yes
# a page open on the standby: the active desk's trading reaches it (LISTEN/NOTIFY)
curl -sN --max-time 20 "$(url b /api/events)" > "$work/standby-events" 2>/dev/null &
events=$!
# the agent that traded most so far is paused through the standby's admin form
paused=$(q "select agentId from orders where role = 'SIGNAL' group by agentId order by count(*) desc limit 1")
bars_at_pause=$(q 'select count(*) from ohlcv_data')
check "the standby takes the pause of $paused" \
    "$(curl -s -o /dev/null -w '%{http_code}' -u "admin:$admin_password" -X POST "$(url b "/admin/agents/$paused/pause")")" 302
# bars the active desk stores after the poll that was running when the pause came are scanned without the agent
paused_through=$(newest_bar_after "$bars_at_pause")
newest_bar_after "$(q 'select count(*) from ohlcv_data')" > /dev/null
wait_for_fills "$(( $(q 'select count(*) from fills') + 5 ))"
check "the paused agent places no order from the active desk's next poll on" "$(q "
    select count(*) from orders where agentId = '$paused' and role = 'SIGNAL'
    and barTime > to_timestamp($paused_through / 1000.0) + interval '5 minutes'")" 0

wait "$events" || true
check "a page on the standby receives the active desk's trading live" \
    "$([ "$(grep -cE '^event: ?trading' "$work/standby-events")" -gt 0 ] && echo yes)" yes

remember_before_crash
orders_at_kill=$(orders_before)
killed_at=$(date +%s%N)
server_stop a KILL
echo "failover: killed the active server (SIGKILL) at $(fills_before) fills"
took_over=""
for _ in $(seq 1 80); do
    if [ "$(role b)" = active ]; then took_over=$(date +%s%N); break; fi
    sleep 0.5
done
[ -n "$took_over" ] || { echo "failover: the standby did not take over within 40 s"; tail -40 "$work/server-b.log"; exit 1; }
takeover_ms=$(( (took_over - killed_at) / 1000000 ))
check "the standby runs the desk within 30 s" "$([ "$takeover_ms" -le 30000 ] && echo yes)" yes
first_order=""
for _ in $(seq 1 240); do
    if [ "$(q 'select count(*) from orders')" -gt "$orders_at_kill" ]; then first_order=$(date +%s%N); break; fi
    sleep 0.25
done
[ -n "$first_order" ] || { echo "failover: the new desk placed no order within a minute"; exit 1; }
echo "failover: the standby ran the desk $takeover_ms ms after the kill and placed its first order $(( (first_order - killed_at) / 1000000 )) ms after it"
wait_for_fills "$(( $(fills_before) + 20 ))"
server_stop b TERM
echo "failover: the new desk traded on to $(q 'select count(*) from fills') fills"

trading_checks

if [ "$failed" -gt 0 ]; then
    echo "failover: $failed checks failed; server logs kept in $work"
    trap 'cleanup' EXIT
    exit 1
fi
echo "failover: all checks held after the active server was killed"
