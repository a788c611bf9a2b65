-- Parameter sweeps: a sweep is one agent's backtest over a grid of its parameters; each combination is a backtest run
-- of its own, tagged with the sweep, its place in the grid and the parameters it ran with.
CREATE TABLE backtest_sweeps (id varchar(36) not null, agentId varchar(255) not null, scriptVersion varchar(64) not null, agentParameters varchar(8192) not null, tickers varchar(2000) not null, fromDay date not null, toDay date not null, rawPrices boolean not null, startingCash bigint not null, grid varchar(8192) not null, rankBy varchar(32) not null, combinations integer not null, error varchar(2000), status varchar(16) not null check (status in ('QUEUED','RUNNING','DONE','CANCELED','FAILED')), createdAt timestamp with time zone not null, finishedAt timestamp with time zone, primary key (id));
ALTER TABLE backtest_runs ADD COLUMN sweepId varchar(36);
ALTER TABLE backtest_runs ADD COLUMN sweepIndex integer;
ALTER TABLE backtest_runs ADD COLUMN parameters varchar(8192);
CREATE INDEX backtest_runs_by_sweep ON backtest_runs (sweepId, sweepIndex);
