-- More statistics of a backtest: Calmar, SQN, mean MAE and MFE, the longest losing streak and turnover; each trade's
-- excursions. Runs from before have none of them (null, shown as no value).
ALTER TABLE backtest_runs ADD COLUMN calmar float;
ALTER TABLE backtest_runs ADD COLUMN sqn float;
ALTER TABLE backtest_runs ADD COLUMN averageMae float;
ALTER TABLE backtest_runs ADD COLUMN averageMfe float;
ALTER TABLE backtest_runs ADD COLUMN longestLosingStreak integer;
ALTER TABLE backtest_runs ADD COLUMN turnover float;
ALTER TABLE backtest_trades ADD COLUMN adverseExcursion float;
ALTER TABLE backtest_trades ADD COLUMN favourableExcursion float;
