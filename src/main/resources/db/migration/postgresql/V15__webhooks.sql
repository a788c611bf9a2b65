-- Webhooks: where notifications go. The secret signs each delivery (HMAC-SHA256), so it is kept as given; pages never show it.
CREATE TABLE webhooks (id varchar(20) not null, name varchar(100) not null, url varchar(2000) not null, events varchar(500) not null, secret varchar(200) not null, format varchar(10) not null check (format in ('JSON','CHAT')), created_at timestamp with time zone not null, created_by varchar(100) not null, primary key (id));

-- The delivery log: one row per notification per webhook, its body fixed when made, tried until delivered or given up.
CREATE TABLE webhook_deliveries (id varchar(36) not null, webhook_id varchar(20) not null, event varchar(30) not null, summary varchar(300) not null, body varchar(16000) not null, created_at timestamp with time zone not null, status varchar(10) not null check (status in ('PENDING','SENDING','DELIVERED','FAILED')), attempts integer not null, next_attempt_at timestamp with time zone, last_attempt_at timestamp with time zone, last_result varchar(300), delivered_at timestamp with time zone, primary key (id));
CREATE INDEX ix_webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status IN ('PENDING','SENDING');
CREATE INDEX ix_webhook_deliveries_log ON webhook_deliveries (webhook_id, created_at);
