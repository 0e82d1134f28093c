package io.github.datastarspring.realtime.postgres;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The PostgreSQL event log, active with {@code datastar.realtime.log=postgres}.
 *
 * @param initializeSchema whether to create the log's tables at startup when they are missing;
 * leave 'false' when migrations create them from
 * 'classpath:io/github/datastarspring/realtime/postgres/schema.sql'
 * @param pollInterval how often the listener checks its connection and reads every followed
 * topic, in case a wake-up was missed
 * @param retention how long and how much history each topic keeps for resuming clients
 * @param listener the listener's own connection, when the data source cannot hold a session (a
 * transaction-mode pooler such as PgBouncer); unset uses a connection of the data source
 */
@ConfigurationProperties("datastar.realtime.postgres")
public record DatastarPostgresProperties(@DefaultValue("false") boolean initializeSchema,
		@DefaultValue("2s") Duration pollInterval, @DefaultValue Retention retention, @DefaultValue Listener listener) {

	/**
	 * Retention, applied in batches every {@code interval}; the newest entry of a topic is kept.
	 *
	 * @param age entries older than this are deleted
	 * @param count how many recent entries each topic keeps
	 * @param bytes how many bytes of recent entries each topic keeps
	 * @param interval how often old entries are deleted
	 */
	public record Retention(@DefaultValue("1h") Duration age, @DefaultValue("1000") int count,
			@DefaultValue("8MB") DataSize bytes, @DefaultValue("30s") Duration interval) {

	}

	/**
	 * A direct connection for the listener.
	 *
	 * @param url JDBC URL of the database server itself, not of a pooler; unset means the listener
	 * opens its own connection with the settings of a Hikari data source configured by URL, else
	 * uses a connection of the data source
	 * @param username user name for 'url'; unset means none (the URL may carry it)
	 * @param password password for 'url'; unset means none (the URL may carry it)
	 */
	public record Listener(@Nullable String url, @Nullable String username, @Nullable String password) {

	}

}
