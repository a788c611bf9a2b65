-- Each agent's results over its closed positions as running totals (the agents' list reads one row an agent, not every
-- position ever opened). The triggers keep them exact whoever writes a position: a position counts once it is closed.
CREATE TABLE agent_closed_positions (agent_id varchar(255) not null, positions bigint not null, winning bigint not null, realized_pnl bigint not null, primary key (agent_id));
INSERT INTO agent_closed_positions (agent_id, positions, winning, realized_pnl)
    SELECT openedBy, count(*), count(CASE WHEN realizedPnl > 0 THEN 1 END), sum(realizedPnl) FROM positions WHERE closedAt IS NOT NULL GROUP BY openedBy;
CREATE TRIGGER positions_closed_inserted AFTER INSERT ON positions WHEN new.closedAt IS NOT NULL BEGIN
    INSERT INTO agent_closed_positions (agent_id, positions, winning, realized_pnl) VALUES (new.openedBy, 1, new.realizedPnl > 0, new.realizedPnl)
        ON CONFLICT (agent_id) DO UPDATE SET positions = positions + 1, winning = winning + excluded.winning, realized_pnl = realized_pnl + excluded.realized_pnl;
END;
CREATE TRIGGER positions_closed_updated AFTER UPDATE ON positions WHEN old.closedAt IS NOT NULL OR new.closedAt IS NOT NULL BEGIN
    UPDATE agent_closed_positions SET positions = positions - 1, winning = winning - (old.realizedPnl > 0), realized_pnl = realized_pnl - old.realizedPnl
        WHERE agent_id = old.openedBy AND old.closedAt IS NOT NULL;
    INSERT INTO agent_closed_positions (agent_id, positions, winning, realized_pnl) SELECT new.openedBy, 1, new.realizedPnl > 0, new.realizedPnl WHERE new.closedAt IS NOT NULL
        ON CONFLICT (agent_id) DO UPDATE SET positions = positions + 1, winning = winning + excluded.winning, realized_pnl = realized_pnl + excluded.realized_pnl;
END;
CREATE TRIGGER positions_closed_deleted AFTER DELETE ON positions WHEN old.closedAt IS NOT NULL BEGIN
    UPDATE agent_closed_positions SET positions = positions - 1, winning = winning - (old.realizedPnl > 0), realized_pnl = realized_pnl - old.realizedPnl
        WHERE agent_id = old.openedBy;
END;
-- The open positions, counted from this index alone: a few per agent at any time.
CREATE INDEX ix_positions_open_by_agent ON positions (openedBy, realizedPnl, unrealizedPnl) WHERE closedAt IS NULL;
