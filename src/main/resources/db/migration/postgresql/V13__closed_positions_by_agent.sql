-- Each agent's results over its closed positions as running totals (the agents' list reads one row an agent, not every
-- position ever opened). The triggers keep them exact whoever writes a position: a position counts once it is closed.
CREATE TABLE agent_closed_positions (agent_id varchar(255) not null, positions bigint not null, winning bigint not null, realized_pnl bigint not null, primary key (agent_id));
INSERT INTO agent_closed_positions (agent_id, positions, winning, realized_pnl)
    SELECT openedBy, count(*), count(CASE WHEN realizedPnl > 0 THEN 1 END), sum(realizedPnl) FROM positions WHERE closedAt IS NOT NULL GROUP BY openedBy;
CREATE FUNCTION count_closed_positions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' AND OLD.closedAt IS NOT NULL THEN
        UPDATE agent_closed_positions SET positions = positions - 1, winning = winning - CASE WHEN OLD.realizedPnl > 0 THEN 1 ELSE 0 END,
            realized_pnl = realized_pnl - OLD.realizedPnl WHERE agent_id = OLD.openedBy;
    END IF;
    IF TG_OP <> 'DELETE' AND NEW.closedAt IS NOT NULL THEN
        INSERT INTO agent_closed_positions AS totals (agent_id, positions, winning, realized_pnl)
            VALUES (NEW.openedBy, 1, CASE WHEN NEW.realizedPnl > 0 THEN 1 ELSE 0 END, NEW.realizedPnl)
            ON CONFLICT (agent_id) DO UPDATE SET positions = totals.positions + 1, winning = totals.winning + excluded.winning,
                realized_pnl = totals.realized_pnl + excluded.realized_pnl;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER positions_closed_inserted AFTER INSERT ON positions FOR EACH ROW WHEN (NEW.closedAt IS NOT NULL) EXECUTE FUNCTION count_closed_positions();
CREATE TRIGGER positions_closed_updated AFTER UPDATE ON positions FOR EACH ROW WHEN (OLD.closedAt IS NOT NULL OR NEW.closedAt IS NOT NULL)
    EXECUTE FUNCTION count_closed_positions();
CREATE TRIGGER positions_closed_deleted AFTER DELETE ON positions FOR EACH ROW WHEN (OLD.closedAt IS NOT NULL) EXECUTE FUNCTION count_closed_positions();
-- The open positions, counted from this index alone: a few per agent at any time.
CREATE INDEX ix_positions_open_by_agent ON positions (openedBy, realizedPnl, unrealizedPnl) WHERE closedAt IS NULL;
