-- The global kill switch while it is engaged (at most one row; releasing it deletes the row): no new entries until then.
CREATE TABLE kill_switch (id integer not null, engaged_at timestamp with time zone not null, engaged_by varchar(100) not null, flattened boolean not null, primary key (id));
