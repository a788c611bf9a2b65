-- The agent's cool-down: losing trades in a row on one trading day after which it opens nothing more that day (null: none).
ALTER TABLE agent ADD COLUMN cool_down_after_losses integer;
