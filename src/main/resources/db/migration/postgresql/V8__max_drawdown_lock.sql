-- The max-drawdown lock: an agent's limit, and on each account its peak equity and the lock while it holds.
ALTER TABLE agent ADD COLUMN max_drawdown_percent numeric(9,4);

ALTER TABLE accounts ADD COLUMN peakEquity bigint not null default 0;
ALTER TABLE accounts ADD COLUMN lockReason varchar(500);
ALTER TABLE accounts ADD COLUMN lockedAt timestamp with time zone;

-- The peak so far: the highest equity the snapshots recorded, the starting cash, or the equity now.
UPDATE accounts SET peakEquity = greatest(startingCash, cash + longMarketValue - shortMarketValue,
    coalesce((SELECT max(equity) FROM equity_snapshots WHERE equity_snapshots.accountId = accounts.id), 0));
