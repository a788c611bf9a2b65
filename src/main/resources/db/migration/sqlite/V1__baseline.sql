-- Paper Trader's schema as release 0.1 left it (written then by Hibernate's schema update plus the unique key and
-- read indexes created at start-up), now the first versioned migration. A database written by that release is
-- baselined at this version and keeps every row; a new database starts here. Change the schema only in a new
-- migration V<n>__<what>.sql beside this one: a migration that has run is never edited.
--
-- Units: cash and P&L columns are whole cents, order and fill prices whole ten-thousandths (exact integers);
-- bar prices are SQLite REALs (NUMERIC affinity) of at most 15 significant digits; times are epoch milliseconds,
-- UTC; days (date columns) are New York trading days. Ids of orders, fills and events are readable:
-- agent|TICKER|bar time|signal index, with suffixes for bracket legs, fills and events.

-- One row per bar: each (ticker, bar_start) once (ux_ohlcv_ticker_start). bar_start is the bar's window start;
-- time_of_day (HH:mm) and day_of_week (1 = Monday) are New York time, for queries by session time.
CREATE TABLE ohlcv_data (id integer, bar_start bigint not null, close numeric(19,6) not null, day_of_week integer not null, high numeric(19,6) not null, low numeric(19,6) not null, open numeric(19,6) not null, ticker varchar(12) not null, time_of_day varchar(5) not null, trades bigint, volume numeric(24,6) not null, vwap numeric(19,6), primary key (id));
CREATE UNIQUE INDEX ux_ohlcv_ticker_start ON ohlcv_data (ticker, bar_start);

-- The newest bar each ticker has been traded on: bars after it are traded at start-up, once.
CREATE TABLE bar_cursors (ticker varchar(16) not null, processed_through bigint not null, primary key (ticker));

-- Agents: script, watched tickers, parameters (JSON), risk settings and scan health. accountId is null for the
-- agent's own account (named after it). lock_version is JPA's optimistic lock.
CREATE TABLE agent (id varchar(63) not null, accountId varchar(64), consecutive_errors integer not null, created_at timestamp not null, last_error varchar(1000), lock_version bigint not null, name varchar(100) not null unique, parameters varchar(8192) not null, allow_pyramiding boolean not null, max_open_positions integer not null, position_notional numeric(19,4) not null, stop_loss_percent numeric(9,4), take_profit_percent numeric(9,4), script varchar(65536) not null, script_hash varchar(64) not null, state varchar(16) not null check (state in ('ENABLED','PAUSED','ERRORED')), tickers varchar(2000) not null, updated_at timestamp not null, primary key (id));

-- Scans that produced signals or failed (error set).
CREATE TABLE scan_records (id integer, agentId varchar(64) not null, barTime timestamp not null, durationMicros bigint not null, error varchar(1000), scriptHash varchar(64) not null, signals varchar(4000) not null, ticker varchar(16) not null, primary key (id));
CREATE INDEX ix_scan_records_agent ON scan_records (agentId, barTime);

-- Paper accounts: cash, marked positions' values and P&L, and the daily-loss halt.
CREATE TABLE accounts (id varchar(255) not null, cash bigint not null, haltReason varchar(500), haltedOn date, longMarketValue bigint not null, marginMultiplier numeric(9,4) not null, openedAt timestamp not null, previousCloseEquity bigint not null, realizedPnl bigint not null, shortMarketValue bigint not null, startingCash bigint not null, tradingDay date not null, unrealizedPnl bigint not null, valuedAt timestamp not null, primary key (id));

-- Orders (status moves only through order_events), with the signal's reason and the script version that made it.
CREATE TABLE orders (id varchar(200) not null, accountId varchar(255) not null, activeAfter timestamp not null, agentId varchar(255) not null, averageFillPrice bigint, barTime timestamp not null, commission bigint not null, createdAt timestamp not null, expiresAt timestamp, filledQuantity bigint not null, limitPrice bigint, parentId varchar(200), quantity bigint not null, reason varchar(1000) not null, referencePrice bigint not null, role varchar(16) not null check (role in ('SIGNAL','STOP_LOSS','TAKE_PROFIT','FLATTEN')), scriptHash varchar(128), side varchar(16) not null check (side in ('BUY','SELL','SELL_SHORT','BUY_TO_COVER')), status varchar(16) not null check (status in ('NEW','ACCEPTED','PARTIALLY_FILLED','FILLED','CANCELED','EXPIRED','REJECTED')), stopPrice bigint, ticker varchar(16) not null, timeInForce varchar(8) not null check (timeInForce in ('DAY','GTC')), triggeredAt timestamp, type varchar(16) not null check (type in ('MARKET','LIMIT','STOP','STOP_LIMIT')), primary key (id));
CREATE INDEX ix_orders_created ON orders (createdAt, id);
CREATE INDEX ix_orders_agent_created ON orders (agentId, createdAt, id);
CREATE INDEX ix_orders_ticker_created ON orders (ticker, createdAt, id);

-- Each order's status changes, in sequence, with their cause and market time.
CREATE TABLE order_events (id varchar(220) not null, cause varchar(1000) not null, fillPrice bigint, fillQuantity bigint, occurredAt timestamp not null, previousStatus varchar(16) check (previousStatus in ('NEW','ACCEPTED','PARTIALLY_FILLED','FILLED','CANCELED','EXPIRED','REJECTED')), recordedAt timestamp not null, seq integer not null, status varchar(16) not null check (status in ('NEW','ACCEPTED','PARTIALLY_FILLED','FILLED','CANCELED','EXPIRED','REJECTED')), order_id varchar(200) not null, primary key (id));
CREATE INDEX ix_order_events_order ON order_events (order_id);

CREATE TABLE fills (id varchar(220) not null, accountId varchar(255) not null, agentId varchar(255) not null, commission bigint not null, filledAt timestamp not null, orderId varchar(200) not null, price bigint not null, quantity bigint not null, recordedAt timestamp not null, side varchar(16) not null check (side in ('BUY','SELL','SELL_SHORT','BUY_TO_COVER')), ticker varchar(16) not null, primary key (id));
CREATE INDEX ix_fills_filled ON fills (filledAt, id);
CREATE INDEX ix_fills_order ON fills (orderId);
CREATE INDEX ix_fills_ticker_time ON fills (ticker, filledAt);

-- Positions from the opening fill to the one that closed them (closedAt set); openedBy is the agent whose fill opened it.
CREATE TABLE positions (id varchar(230) not null, accountId varchar(255) not null, averagePrice bigint not null, closedAt timestamp, costBasis bigint not null, lastPrice bigint not null, markedAt timestamp not null, marketValue bigint not null, openedAt timestamp not null, openedBy varchar(255) not null, quantity bigint not null, realizedPnl bigint not null, side varchar(8) not null check (side in ('LONG','SHORT')), ticker varchar(16) not null, unrealizedPnl bigint not null, primary key (id));
CREATE INDEX ix_positions_opened ON positions (openedAt, id);

-- An account's equity at each bar close at which it changed or held a position (the equity curve).
CREATE TABLE equity_snapshots (id varchar(300) not null, accountId varchar(255) not null, cash bigint not null, dayPnl bigint not null, equity bigint not null, marketValue bigint not null, realizedPnl bigint not null, takenAt timestamp not null, unrealizedPnl bigint not null, primary key (id));
CREATE INDEX ix_equity_account_time ON equity_snapshots (accountId, takenAt);

-- Backtest runs with their statistics (ratios as REAL), and their trades, equity points and buy-and-hold holdings.
CREATE TABLE backtest_runs (id varchar(36) not null, agentId varchar(255) not null, agentStopped varchar(2000), averageLoss bigint, averageWin bigint, barsDone bigint not null, barsTotal bigint not null, buyAndHoldEquity bigint, cagr float, createdAt timestamp not null, endEquity bigint, error varchar(2000), exposure float, finishedAt timestamp, fromDay date, maxDrawdown float, maxDrawdownSeconds bigint, profitFactor float, sharpe float, sortino float, source varchar(255) not null, startingCash bigint not null, status varchar(16) not null check (status in ('QUEUED','RUNNING','DONE','CANCELED','FAILED')), tickers varchar(2000) not null, toDay date, totalReturn float, tradeCount integer, winRate float, primary key (id));
CREATE TABLE backtest_equity (run_id varchar(36) not null, at timestamp, drawdown float, equity bigint, exposed boolean, seq integer not null, primary key (run_id, seq));
CREATE TABLE backtest_holdings (run_id varchar(36) not null, entryPrice bigint, exitPrice bigint, shares bigint, ticker varchar(16), seq integer not null, primary key (run_id, seq));
CREATE TABLE backtest_trades (run_id varchar(36) not null, entryAt timestamp, entryPrice bigint, entryReason varchar(1000), exitAt timestamp, exitPrice bigint, exitReason varchar(1000), pnl bigint, quantity bigint, side varchar(8) check (side in ('LONG','SHORT')), ticker varchar(16), seq integer not null, primary key (run_id, seq));
