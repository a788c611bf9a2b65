-- Corporate actions and the accounts' cash ledger.

-- Splits and cash dividends of the followed tickers, each once: the id is kind|ticker|effective date, the key by which
-- an action is applied at most once (applied_at). Decimals are kept as text, exactly as the source gave them.
-- effective_date is a split's execution date or a dividend's ex-date (New York).
CREATE TABLE corporate_actions (id varchar(64) not null, kind varchar(16) not null check (kind in ('SPLIT','DIVIDEND')), ticker varchar(16) not null, effective_date date not null, split_from varchar(32), split_to varchar(32), cash_amount varchar(32), currency varchar(3), pay_date date, source_id varchar(128), received_at timestamp with time zone not null, applied_at timestamp with time zone, primary key (id));
CREATE INDEX ix_corporate_actions_date ON corporate_actions (effective_date, ticker);

-- Every movement of an account's cash, in cents; an account's entries sum to its cash.
CREATE TABLE ledger_entries (id varchar(300) not null, account_id varchar(255) not null, amount bigint not null, description varchar(500) not null, kind varchar(16) not null check (kind in ('OPENING','CARRIED_OVER','TRADE','COMMISSION','DIVIDEND','SPLIT_CASH','RESET')), occurred_at timestamp with time zone not null, reference varchar(300), primary key (id));
CREATE INDEX ix_ledger_account_time ON ledger_entries (account_id, occurred_at, id);

-- The cash each account already has: the ledger of an existing account starts from it.
INSERT INTO ledger_entries (id, account_id, amount, description, kind, occurred_at, reference)
SELECT id || '|carried-over', id, cash, 'cash before the ledger began', 'CARRIED_OVER', valuedAt, NULL FROM accounts;
