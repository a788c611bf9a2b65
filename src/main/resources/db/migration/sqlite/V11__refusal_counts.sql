-- Orders refused by risk rules, counted by agent, New York trading day and rule (the id joins the three). Only each
-- agent's newest refused orders stay in orders (trading.refused-orders-kept): the index finds the older ones to delete.
CREATE TABLE refusal_counts (id varchar(400) not null, agent_id varchar(255) not null, trading_day date not null, rule varchar(64) not null, refusals bigint not null, last_reason varchar(1000) not null, last_at timestamp not null, primary key (id));
CREATE INDEX ix_refusal_counts_agent_day ON refusal_counts (agent_id, trading_day);
CREATE INDEX ix_orders_agent_status_created ON orders (agentId, status, createdAt, id);
