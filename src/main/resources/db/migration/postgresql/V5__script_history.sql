-- Every version of an agent's script, kept once saved: an order's script hash names the exact source that placed it.
CREATE TABLE agent_scripts (id varchar(140) not null, agent_id varchar(63) not null, script_hash varchar(64) not null, script varchar(65536) not null, first_saved_at timestamp with time zone not null, primary key (id));
CREATE INDEX ix_agent_scripts_agent ON agent_scripts (agent_id, first_saved_at);

-- The scripts the agents hold now: the versions before this release were not kept.
INSERT INTO agent_scripts (id, agent_id, script_hash, script, first_saved_at)
SELECT id || '|' || script_hash, id, script_hash, script, updated_at FROM agent;
