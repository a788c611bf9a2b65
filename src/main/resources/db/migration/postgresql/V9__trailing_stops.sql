-- Trailing stops: a new order type, its trail (a percent or an amount) and the best price since the entry filled.
ALTER TABLE orders DROP CONSTRAINT orders_type_check;
ALTER TABLE orders ADD CONSTRAINT orders_type_check CHECK (type in ('MARKET','LIMIT','STOP','STOP_LIMIT','TRAILING_STOP'));
ALTER TABLE orders ADD COLUMN trailPercent numeric(9,4);
ALTER TABLE orders ADD COLUMN trailAmount bigint;
ALTER TABLE orders ADD COLUMN bestPrice bigint;
