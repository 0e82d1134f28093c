-- TodoMVC's tables (profile postgres), created at startup when missing.
CREATE TABLE IF NOT EXISTS todo_list (
	name text PRIMARY KEY,
	last_id bigint NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS todo (
	list text NOT NULL REFERENCES todo_list (name),
	id bigint NOT NULL,
	title text NOT NULL,
	completed boolean NOT NULL DEFAULT false,
	PRIMARY KEY (list, id)
);
