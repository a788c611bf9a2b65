-- Two risk settings an agent now sets itself (its file or the admin form): the day's loss that stops its entries and
-- the minutes before the close at which its positions are closed. Existing agents keep what the engine applied to them:
-- a daily loss limit of 2,000.00 and no end-of-day flatten.
ALTER TABLE agent ADD COLUMN max_daily_loss numeric(19,4);
ALTER TABLE agent ADD COLUMN flatten_minutes_before_close integer;
UPDATE agent SET max_daily_loss = 2000;
