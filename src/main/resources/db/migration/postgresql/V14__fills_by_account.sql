-- A live account's statistics read its fills since its start or last reset (LiveStatistics): by account, in time order.
CREATE INDEX ix_fills_account_time ON fills (accountId, filledAt, id);
