-- More bench data for http-load.sh with SCALE=1 (issue "Universe scale": pages with 100 agents and 1M orders), run
-- after seed.sql and before seed-orders.sql, in the same sqlite3 session: 97 more agents (copies of the SMA crossover
-- sample, bench-00 to bench-96, each opening its account at start-up), 900,000 more orders in bench_orders (1,000,000
-- in all, the new ones spread over the 97) and 100,000 closed positions spread over all 100 agents. Stored forms as in
-- seed.sql.
PRAGMA journal_mode = WAL;
BEGIN;
CREATE TEMP TABLE bench_agents AS
WITH RECURSIVE a(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM a WHERE n < 96)
SELECT agent.*, a.n AS n FROM agent CROSS JOIN a WHERE agent.id = 'sma-crossover';
UPDATE bench_agents SET id = printf('bench-%02d', n), name = printf('Bench %02d', n), accountId = printf('bench-%02d', n);
ALTER TABLE bench_agents DROP COLUMN n;
INSERT INTO agent SELECT * FROM bench_agents;

INSERT INTO bench_orders
WITH RECURSIVE o(n) AS (SELECT 100000 UNION ALL SELECT n + 1 FROM o WHERE n < 999999)
SELECT n, 'bench|' || n AS id, printf('bench-%02d', n % 97) AS agent, printf('BK%02d', n % 48) AS ticker,
       CASE n % 2 WHEN 0 THEN 'BUY' ELSE 'SELL' END AS side,
       -- as in seed.sql, the newest in the last seeded days: two orders per ticker every ten minutes, spread back
       1672669800000 + ((((n - 100000) / 48 * 2) / 78 / 5) * 7 + ((n - 100000) / 48 * 2) / 78 % 5) * 86400000
           + (((n - 100000) / 48 * 2) % 78) * 300000 AS bar,
       1000000 + (n % 400) * 500 AS price
FROM o;

-- Closed round trips: an hour each, a gain or a loss of up to $10 (cash in cents, prices in ten-thousandths).
INSERT INTO positions (id, accountId, averagePrice, closedAt, costBasis, lastPrice, markedAt, marketValue, openedAt,
                       openedBy, quantity, realizedPnl, side, ticker, unrealizedPnl)
SELECT 'bench-position|' || n, agent, price, bar + 3600000, 0, price, bar + 3600000, 0, bar, agent, 0, (n % 2001) - 1000,
       CASE n % 3 WHEN 0 THEN 'SHORT' ELSE 'LONG' END, ticker, 0
FROM (SELECT n, CASE WHEN n % 100 < 97 THEN printf('bench-%02d', n % 100)
                     ELSE CASE n % 100 WHEN 97 THEN 'sma-crossover' WHEN 98 THEN 'opening-range-breakout' ELSE 'rsi-mean-reversion' END
                END AS agent, ticker, bar, price
      FROM bench_orders WHERE n BETWEEN 100000 AND 199999);
COMMIT;
