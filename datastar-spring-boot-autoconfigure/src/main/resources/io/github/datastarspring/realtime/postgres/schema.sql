-- Tables of the Datastar PostgreSQL event log (datastar.realtime.log=postgres). Plain SQL that a
-- Flyway or Liquibase migration can include as is; datastar.realtime.postgres.initialize-schema=true
-- runs it at startup instead. Safe to run again.

-- One row per topic: its epoch and the sequence of its latest entry. Appends increment it, so
-- sequences are contiguous in commit order (the row lock is held until commit).
CREATE TABLE IF NOT EXISTS datastar_topic (
	topic text PRIMARY KEY,
	epoch text NOT NULL,
	seq bigint NOT NULL
);

-- The entries: encoded events without their id line; retention deletes old ones.
CREATE TABLE IF NOT EXISTS datastar_event (
	topic text NOT NULL,
	epoch text NOT NULL,
	seq bigint NOT NULL,
	event bytea NOT NULL,
	created timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (topic, epoch, seq)
);

CREATE INDEX IF NOT EXISTS datastar_event_created ON datastar_event (created);
