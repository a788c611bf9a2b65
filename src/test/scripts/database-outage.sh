#!/usr/bin/env bash
# The database goes away, on PostgreSQL (a throwaway cluster, postgres.sh), with one server (a copy of the WildFly
# `mvn verify` unpacked, with the WAR it built) trading the simulated market at high speed:
#  1. a wrong password: the server deploys, /health says DOWN, one log line names the user and the refusal, and the
#     password appears nowhere (log, health, pages);
#  2. no database at start: the server deploys all the same, /health DOWN, pages answer 503 with a message, one log
#     line names the database, and no stack trace anywhere in the log; when the database comes, it migrates, trades;
#  3. the database lost mid-session (stopped for a while, then started again): the desk stops polling, pages answer
#     503, then the desk runs again, backfills the bars of the outage (no gap in any session) and trades on; afterwards
#     the kill -9 checks (trading-checks.sh: nothing lost, nothing twice, cash = ledger = fills to the cent).
# Arguments: it.wildfly-only, it.skip-postgres ("true" skips) and the cluster's port. Needs: target/paper-trader.war,
# target/wildfly-*, PostgreSQL (initdb, psql), curl.
set -euo pipefail
if [ "${1:-false}" = "true" ] || [ "${2:-false}" = "true" ]; then echo "database-outage: skipped (it.wildfly-only or it.skip-postgres)"; exit 0; fi
port=${3:-55435}
cd "$(dirname "$0")/../../.."

work=$(mktemp -d)
export PGPASSWORD=papertrader-it
q() { psql -h 127.0.0.1 -p "$port" -U papertrader -d papertrader -X -A -t -F ' ' -c "$1"; }
# shellcheck source=trading-checks.sh
source src/test/scripts/trading-checks.sh
# shellcheck source=servers.sh
source src/test/scripts/servers.sh

cleanup() {
    server_stop_all
    bash src/test/scripts/postgres.sh stop "$work/postgres"
}
trap 'cleanup; rm -rf "$work"' EXIT
bash src/test/scripts/postgres.sh start "$work/postgres" "$port"
server_copy wildfly 500

start() { # LOG PASSWORD
    rm -rf "$work/data" "$work/wildfly/standalone/data" "$work/wildfly/standalone/tmp"
    server_start wildfly "$1" "PAPERTRADER_DB_PASSWORD=$2" "ADMIN_PASSWORD=outage-$RANDOM$RANDOM" -- \
        -Dpapertrader.data-dir="$work/data" -Dpapertrader.db.url="jdbc:postgresql://127.0.0.1:$port/papertrader" \
        -Dpapertrader.db.user=papertrader -Dsimulated.speed=120 -Dsimulated.split-chance=0 -Dsimulated.dividend-chance=0.05 \
        -Dmarket.backfill-days=20
}
http_status() { curl -s -o "$work/response" -w '%{http_code}' "$(server_url wildfly "$1")"; }
stack_lines() { grep -cE '^\s+at |^Caused by: ' "$work/$1" || true; }
wait_for() { # DESCRIPTION SECONDS COMMAND...: until the command succeeds
    local description=$1 seconds=$2
    shift 2
    for _ in $(seq 1 "$((seconds * 2))"); do
        "$@" && return 0
        sleep 0.5
    done
    echo "database-outage: $description did not happen within $seconds s"; tail -40 "$work/server-"*.log; exit 1
}
healthy() { [ "$(http_status /health)" = 200 ]; }
active() { curl -fs "$(server_url wildfly /api/status)" 2>/dev/null | grep -q '"role":"active"'; }
fills_at_least() { [ "$(q 'select count(*) from fills' 2>/dev/null || echo 0)" -ge "$1" ]; }
newest_bar_after() { [ "$(q 'select max(bar_start) from ohlcv_data')" -gt "$1" ]; }

echo "database-outage: 1. a wrong password"
wrong_password="wrong-$RANDOM-secret-$RANDOM"
start server-wrong-password.log "$wrong_password"
check "/health is DOWN with a wrong password" "$(http_status /health) $(cat "$work/response")" \
    '503 {"status":"DOWN","checks":{"database":"DOWN"}}'
check "the log names the user and the refusal once" \
    "$(grep -c 'cannot be reached: FATAL: password authentication failed for user "papertrader"' "$work/server-wrong-password.log")" 1
check "a page says the database is not reachable" "$(http_status /) $(grep -c 'The database is not reachable' "$work/response")" "503 1"
check "the password appears nowhere in the health check or a page" \
    "$(for path in /health / /api/status; do http_status "$path" > /dev/null; grep -c -- "$wrong_password" "$work/response" || true; done | sort -u)" 0
check "the password appears nowhere in the log" "$(grep -c -- "$wrong_password" "$work/server-wrong-password.log" || true)" 0
server_stop wildfly TERM

echo "database-outage: 2. no database at start"
bash src/test/scripts/postgres.sh pause "$work/postgres"
start server.log "$PGPASSWORD"
check "/health is DOWN while the database is away" "$(http_status /health)" 503
check "the log names the database and why once" \
    "$(grep -c "The database PostgreSQL jdbc:postgresql://127.0.0.1:$port/papertrader as papertrader cannot be reached: Connection to 127.0.0.1:$port refused" "$work/server.log")" 1
check "the Overview answers 503 with the reason" "$(http_status /) $(grep -c 'The database is not reachable (Connection to' "$work/response")" "503 1"
check "the API answers 503 with the reason" "$(http_status /api/orders) $(grep -c '"error":"The database is not reachable' "$work/response")" "503 1"
check "no stack trace in the log" "$(stack_lines server.log)" 0
bash src/test/scripts/postgres.sh resume "$work/postgres" "$port"
wait_for "UP once the database answers" 30 healthy
wait_for "the desk trading" 30 active
check "no stack trace in the log while waiting for the database" "$(stack_lines server.log)" 0
wait_for "20 fills" 180 fills_at_least 20

echo "database-outage: 3. the database lost mid-session"
remember_before_crash
newest_before=$(q 'select max(bar_start) from ohlcv_data')
bash src/test/scripts/postgres.sh pause "$work/postgres"
wait_for "the desk stopping" 30 grep -q 'lost the trading desk with its database session' "$work/server.log"
check "/health is DOWN" "$(http_status /health)" 503
check "a page says the database is not reachable" "$(http_status /agents) $(grep -c 'The database is not reachable' "$work/response")" "503 1"
sleep 10 # the outage: the simulated market goes on, two hours a second (a bar every 42 ms); with the 20-day
         # backfill window (-Dmarket.backfill-days) the few sessions it lasts in market time are all fetched again
bash src/test/scripts/postgres.sh resume "$work/postgres" "$port"
wait_for "UP again" 30 healthy
wait_for "the desk trading again" 30 active
# bars stored after the outage: some of them newer than 8 bars past the last one before it
wait_for "bars past the outage" 60 newest_bar_after "$((newest_before + 8 * 300000))"
wait_for "20 more fills" 180 fills_at_least "$(( $(fills_before) + 20 ))"
check "the bars of the outage are backfilled: no gap in any ticker's session" "$(q "
    select count(*) from (select bar_start - lag(bar_start) over (
        partition by ticker, (to_timestamp(bar_start / 1000) at time zone 'America/New_York')::date order by bar_start) as step
      from ohlcv_data) steps where step <> 300000")" 0
# every day between the first and the last stored one, from its open to its close (09:30-15:55, or 12:55 on a half day)
incomplete_days=$(q "
    with days as (select ticker, t::date as day, min(t::time) as first, max(t::time) as last
                  from (select ticker, to_timestamp(bar_start / 1000) at time zone 'America/New_York' as t from ohlcv_data) b
                  group by ticker, t::date),
         ranked as (select *, rank() over (partition by ticker order by day) as nth, count(*) over (partition by ticker) as n from days)
    select ticker, day, first, last from ranked where (nth > 1 and first <> '09:30') or (nth < n and last not in ('15:55', '12:55'))")
check "the bars of the outage are backfilled: every session from its open to its close" "$(grep -c . <<< "$incomplete_days" || true)" 0
[ -z "$incomplete_days" ] || echo "$incomplete_days" | head -20
check "every ticker has the same bars" "$(q "select count(distinct n) from (select count(*) n from ohlcv_data group by ticker) c")" 1
server_stop wildfly TERM
trading_checks

if [ "$failed" -gt 0 ]; then
    echo "database-outage: $failed checks failed; server logs and the stopped cluster kept in $work"
    trap 'server_stop_all; bash src/test/scripts/postgres.sh pause "$work/postgres"' EXIT
    exit 1
fi
echo "database-outage: all checks held: a wrong password, no database at start, and the database lost mid-session"
