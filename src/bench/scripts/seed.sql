-- Bench data for http-load.sh, written straight into the schema the application created: 1,000,032 five-minute
-- bars (48 tickers BK00-BK47, 20,834 bars each: 78 a weekday from 2023-01-02, 09:30-16:00 at UTC-5), and 100,000
-- filled orders with their fill and two events each, spread over the three sample agents and the 48 tickers. The orders
-- are left in the session's temp table bench_orders (seed-scale.sql may add to it); seed-orders.sql writes them.
-- Prices are in the stored forms: ohlcv numeric, orders and fills in ten-thousandths, times in epoch milliseconds.
PRAGMA journal_mode = WAL;
BEGIN;
CREATE TEMP TABLE bench_tickers (n INTEGER, ticker TEXT);
WITH RECURSIVE t(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM t WHERE n < 47)
INSERT INTO bench_tickers SELECT n, printf('BK%02d', n) FROM t;

WITH RECURSIVE b(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM b WHERE n < 20833),
     slot AS (SELECT n, n / 78 AS day, n % 78 AS s FROM b)
INSERT INTO ohlcv_data (bar_start, open, high, low, close, volume, vwap, trades, ticker, time_of_day, day_of_week)
SELECT 1672669800000 + ((day / 5) * 7 + day % 5) * 86400000 + s * 300000,
       100 + k.n + (slot.n % 400) * 0.05,
       100 + k.n + (slot.n % 400) * 0.05 + 0.30,
       100 + k.n + (slot.n % 400) * 0.05 - 0.20,
       100 + k.n + (slot.n % 400) * 0.05 + 0.10,
       10000 + (slot.n % 97) * 100, NULL, NULL, k.ticker,
       printf('%02d:%02d', 9 + (30 + s * 5) / 60, (30 + s * 5) % 60), 1 + day % 5
FROM slot CROSS JOIN bench_tickers k;

CREATE TEMP TABLE bench_orders AS
WITH RECURSIVE o(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM o WHERE n < 99999)
SELECT n, 'bench|' || n AS id,
       CASE n % 3 WHEN 0 THEN 'sma-crossover' WHEN 1 THEN 'opening-range-breakout' ELSE 'rsi-mean-reversion' END AS agent,
       printf('BK%02d', n % 48) AS ticker,
       CASE n % 2 WHEN 0 THEN 'BUY' ELSE 'SELL' END AS side,
       -- bar (n / 48) * 2 of its ticker: two orders per ticker every ten minutes, the newest in the last seeded days
       1672669800000 + (((n / 48 * 10) / 78 / 5) * 7 + (n / 48 * 10) / 78 % 5) * 86400000 + ((n / 48 * 10) % 78) * 300000 AS bar,
       1000000 + (n % 400) * 500 AS price
FROM o;

COMMIT;
