# Sourced by kill9-recovery.sh and failover.sh: that a crash lost nothing and doubled nothing, checked in SQL that SQLite
# and PostgreSQL both run. The caller defines q (one query; one row per line, columns as the database joins them) and
# $work, calls remember_before_crash just before the crash and trading_checks after the servers stopped.
export LC_ALL=C
failed=0

check() {
    if [ "$2" = "$3" ]; then
        echo "  ok: $1"
    else
        echo "  FAILED: $1 (expected $3, got $2)"; failed=$((failed + 1))
    fi
}

remember_before_crash() {
    q "select id || ' ' || status || ' ' || filledQuantity from orders order by id" > "$work/orders-before"
    q "select id from fills order by id" > "$work/fills-before"
}

orders_before() {
    wc -l < "$work/orders-before"
}

fills_before() {
    wc -l < "$work/fills-before"
}

trading_checks() {
    check "every fill from before the crash is still there" \
        "$(q "select id from fills order by id" | comm -23 "$work/fills-before" - | wc -l)" 0
    check "every order from before the crash is still there" \
        "$(q "select id from orders order by id" | comm -23 <(cut -d' ' -f1 "$work/orders-before") - | wc -l)" 0
    check "orders that were final before the crash are unchanged" \
        "$(grep -E ' (FILLED|CANCELED|EXPIRED|REJECTED) ' "$work/orders-before" \
            | comm -23 - <(q "select id || ' ' || status || ' ' || filledQuantity from orders order by id") | wc -l)" 0
    check "no order filled beyond its quantity" "$(q "select count(*) from orders where filledQuantity > quantity")" 0
    check "every order's filled quantity is the sum of its fills (none lost, none doubled)" \
        "$(q "select count(*) from orders o where o.filledQuantity <> (select coalesce(sum(f.quantity), 0) from fills f where f.orderId = o.id)")" 0
    check "every order's events form one chain from NEW to its status" "$(q "
        select count(*) from orders o where
          (select count(*) from order_events e where e.order_id = o.id) = 0
          or o.status <> (select e.status from order_events e where e.order_id = o.id order by e.seq desc limit 1)
          or exists (select 1 from order_events e join order_events p on p.order_id = e.order_id and p.seq = e.seq - 1
                     where e.order_id = o.id and coalesce(e.previousStatus, '') <> p.status)
          or (select count(*) from order_events e where e.order_id = o.id)
             <> (select max(e.seq) - min(e.seq) + 1 from order_events e where e.order_id = o.id)")" 0
    check "no signal placed twice (same agent, ticker, bar, side, quantity and reason)" "$(q "
        select count(*) from (select 1 from orders where role = 'SIGNAL'
                              group by agentId, ticker, barTime, side, quantity, reason having count(*) > 1) twice")" 0
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
                              group by reference, account_id having count(*) > 1) twice")" 0
    check "every bar is stored once" "$(q "select count(*) from (select 1 from ohlcv_data group by ticker, bar_start having count(*) > 1) twice")" 0
    check "trading went on after the crash" "$([ "$(q 'select count(*) from orders')" -gt "$(orders_before)" ] && echo yes)" yes
}
