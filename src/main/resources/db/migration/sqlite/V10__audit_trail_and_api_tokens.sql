-- Who changed what: one row per admin action, written once, numbered in the order written. The triggers make the rows unchangeable through SQL too.
CREATE TABLE audit_trail (id integer primary key autoincrement, occurred_at timestamp not null, user_name varchar(100) not null, client_address varchar(100) not null, action varchar(40) not null, subject varchar(300) not null, details varchar(4000) not null);
CREATE TRIGGER audit_trail_unchangeable BEFORE UPDATE ON audit_trail BEGIN SELECT RAISE(ABORT, 'the audit trail cannot be changed'); END;
CREATE TRIGGER audit_trail_undeletable BEFORE DELETE ON audit_trail BEGIN SELECT RAISE(ABORT, 'the audit trail cannot be deleted'); END;

-- API tokens for automation: only a SHA-256 hash of each token is kept (a token carries 256 random bits).
CREATE TABLE api_tokens (id varchar(20) not null, name varchar(100) not null, role varchar(10) not null check (role in ('ADMIN','VIEWER')), token_hash varchar(64) not null, created_at timestamp not null, created_by varchar(100) not null, last_used_at timestamp, revoked_at timestamp, revoked_by varchar(100), primary key (id));
CREATE UNIQUE INDEX ux_api_tokens_hash ON api_tokens (token_hash);
