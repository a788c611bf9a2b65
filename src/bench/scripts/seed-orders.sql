-- The orders in bench_orders (seed.sql, seed-scale.sql), each filled: the order, its fill and its two events. Run
-- in the same sqlite3 session as the files that fill bench_orders (a temp table).
BEGIN;
INSERT INTO orders (id, accountId, agentId, ticker, side, type, timeInForce, role, parentId, quantity, filledQuantity,
                    limitPrice, stopPrice, referencePrice, averageFillPrice, commission, status, reason, scriptHash,
                    barTime, createdAt, activeAfter, expiresAt, triggeredAt)
SELECT id, agent, agent, ticker, side, 'MARKET', 'DAY', 'SIGNAL', NULL, 10, 10, NULL, NULL, price, price, 0, 'FILLED',
       'bench order ' || n, NULL, bar, bar + 300000, bar, bar + 23400000, NULL
FROM bench_orders;

INSERT INTO fills (id, orderId, agentId, accountId, ticker, side, quantity, price, commission, filledAt, recordedAt)
SELECT id || '|fill', id, agent, agent, ticker, side, 10, price, 0, bar + 300000, bar + 600000 FROM bench_orders;

INSERT INTO order_events (id, order_id, seq, previousStatus, status, cause, fillPrice, fillQuantity, occurredAt, recordedAt)
SELECT id || '|0', id, 0, 'NEW', 'ACCEPTED', 'accepted', NULL, NULL, bar + 300000, bar + 300000 FROM bench_orders
UNION ALL
SELECT id || '|1', id, 1, 'ACCEPTED', 'FILLED', 'filled', price, 10, bar + 300000, bar + 600000 FROM bench_orders;
COMMIT;
