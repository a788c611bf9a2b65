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

q "select id || ' ' || status || ' ' || filledQuantity from orders order by id" > "$work/orders-before"
q "select id from fills order by id" > "$work/fills-before"
orders_before=$(wc -l < "$work/orders-before")

start second
wait_for_fills "$(( $(wc -l < "$work/fills-before") + 20 ))"
stop_group TERM
echo "kill9-recovery: restarted and traded on to $(q 'select count(*) from fills') fills"

failed=0
check() {
    if [ "$2" = "$3" ]; then
        echo "  ok: $1"
    else
        echo "  FAILED: $1 (expected $3, got $2)"; failed=$((failed + 1))
    fi
}

check "every fill from before the kill is still there" \
    "$(q "select id from fills order by id" | comm -23 "$work/fills-before" - | wc -l)" 0
check "every order from before the kill is still there" \
    "$(q "select id from orders order by id" | comm -23 <(cut -d' ' -f1 "$work/orders-before") - | wc -l)" 0
check "orders that were final before the kill are unchanged" \
    "$(grep -E ' (FILLED|CANCELED|EXPIRED|REJECTED) ' "$work/orders-before" \
        | comm -23 - <(q "select id || ' ' || status || ' ' || filledQuantity from orders order by id") | wc -l)" 0
check "no order filled beyond its quantity" "$(q "select count(*) from orders where filledQuantity > quantity")" 0
check "every order's filled quantity is the sum of its fills (none lost, none doubled)" \
    "$(q "select count(*) from orders o where o.filledQuantity <> (select coalesce(sum(f.quantity), 0) from fills f where f.orderId = o.id)")" 0
check "open positions equal the net of the fills" "$(q "
    with net as (select accountId, ticker, sum(case when side in ('BUY','BUY_TO_COVER') then quantity else -quantity end) q
                 from fills group by accountId, ticker),
         held as (select accountId, ticker, sum(case side when 'LONG' then quantity else -quantity end) q
                  from positions where closedAt is null group by accountId, ticker)
    select count(*) from net left join held using (accountId, ticker) where net.q <> coalesce(held.q, 0)")" 0
check "cash equals the sum of the account's ledger (every cash movement once)" "$(q "
    select count(*) from accounts a where a.cash <> (select coalesce(sum(e.amount), 0) from ledger_entries e where e.account_id = a.id)")" 0
check "the ledger holds each fill's trade value once, rounded to the cent" "$(q "
    select count(*) from accounts a where
      (select coalesce(sum(e.amount), 0) from ledger_entries e where e.account_id = a.id and e.kind = 'TRADE')
      <> coalesce((select sum(case when f.side in ('SELL','SELL_SHORT') then 1 else -1 end * ((f.price * f.quantity + 50) / 100))
                   from fills f where f.accountId = a.id), 0)
      or (select count(*) from ledger_entries e where e.account_id = a.id and e.kind = 'TRADE')
      <> (select count(*) from fills f where f.accountId = a.id)")" 0
check "each corporate action applied at most once" "$(q "
    select count(*) from (select reference, account_id from ledger_entries where kind in ('DIVIDEND','SPLIT_CASH')
                          group by reference, account_id having count(*) > 1)")" 0
check "every bar is stored once" "$(q "select count(*) from (select 1 from ohlcv_data group by ticker, bar_start having count(*) > 1)")" 0
check "trading went on after the restart" "$([ "$(q 'select count(*) from orders')" -gt "$orders_before" ] && echo yes)" yes

if [ "$failed" -gt 0 ]; then
    echo "kill9-recovery: $failed checks failed; server logs kept in $work"
    trap 'stop_group KILL' EXIT
    exit 1
fi
echo "kill9-recovery: all checks held after a kill -9 and a restart"
