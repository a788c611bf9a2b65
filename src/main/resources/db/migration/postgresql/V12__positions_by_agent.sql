-- Each agent's results over the positions it opened (the agents' list, an agent's page), counted from the index alone.
CREATE INDEX ix_positions_agent_results ON positions (openedBy, closedAt, realizedPnl, unrealizedPnl);
