package io.github.datastarspring.realtime.postgres;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

import javax.sql.DataSource;

import io.github.datastarspring.realtime.DatastarEventLog;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A {@link DatastarEventLog} in PostgreSQL, shared by every instance of an application. Appends
 * join the caller's Spring transaction and number entries with a per-topic counter row, so
 * sequences are contiguous in commit order. {@code NOTIFY} only wakes the other instances: one
 * listener connection per process, which {@code LISTEN}s before each catch-up, reads what is new in
 * one batched query, and polls every {@link Builder#pollInterval} in case a wake-up was missed.
 * The same thread deletes old entries by age, count and bytes per topic.
 *
 * <p>Tables: {@code io/github/datastarspring/realtime/postgres/schema.sql}, created by
 * {@link Builder#initializeSchema} or by the application's migrations.
 */
public class PostgresDatastarEventLog implements DatastarEventLog, SmartLifecycle {

	/** The classpath location of the tables' SQL. */
	public static final String SCHEMA = "io/github/datastarspring/realtime/postgres/schema.sql";

	static final String CHANNEL = "datastar_log";

	/** The {@code application_name} of the listener's connection. */
	public static final String LISTENER_NAME = "datastar-listener";

	private static final Log logger = LogFactory.getLog(PostgresDatastarEventLog.class);

	private static final String APPEND = """
			WITH c AS (
				INSERT INTO datastar_topic AS t (topic, epoch, seq) VALUES (?, ?, 1)
				ON CONFLICT (topic) DO UPDATE SET seq = t.seq + 1
				RETURNING epoch, seq),
			e AS (INSERT INTO datastar_event (topic, epoch, seq, event) SELECT ?, epoch, seq, ? FROM c)
			SELECT epoch, seq, pg_notify('%s', ?) FROM c""".formatted(CHANNEL);

	/**
	 * Each topic's latest position and oldest kept entry, with the entries after the caller's
	 * position when it is in the same epoch: one statement, so one snapshot and one round trip.
	 */
	private static final String READ = """
			SELECT t.topic, t.epoch, t.seq,
				(SELECT min(o.seq) FROM datastar_event o WHERE o.topic = t.topic AND o.epoch = t.epoch) AS oldest,
				e.seq, e.event
			FROM unnest(?::text[], ?::text[], ?::bigint[]) AS p(topic, epoch, after)
			JOIN datastar_topic t ON t.topic = p.topic
			LEFT JOIN LATERAL (SELECT ev.seq, ev.event FROM datastar_event ev
				WHERE ev.topic = p.topic AND ev.epoch = p.epoch AND t.epoch = p.epoch
					AND ev.seq > p.after AND ev.seq <= t.seq
				ORDER BY ev.seq LIMIT ?) e ON true
			ORDER BY t.topic, e.seq""";

	private static final String DELETE_OLD = """
			DELETE FROM datastar_event d USING (
				SELECT topic, epoch, seq FROM datastar_event WHERE created < now() - make_interval(secs => ?)
				LIMIT ?) old
			WHERE d.topic = old.topic AND d.epoch = old.epoch AND d.seq = old.seq""";

	private static final String DELETE_EXCESS = """
			DELETE FROM datastar_event d USING (
				SELECT topic, epoch, seq FROM (
					SELECT e.topic, e.epoch, e.seq, t.epoch AS current_epoch, t.seq AS latest,
						sum(octet_length(e.event)) OVER (PARTITION BY e.topic, e.epoch ORDER BY e.seq DESC) AS newer_bytes
					FROM datastar_event e JOIN datastar_topic t ON t.topic = e.topic) x
				WHERE x.epoch <> x.current_epoch
					OR (x.seq < x.latest AND (x.seq <= x.latest - ? OR x.newer_bytes > ?))
				LIMIT ?) old
			WHERE d.topic = old.topic AND d.epoch = old.epoch AND d.seq = old.seq""";

	private final DataSource dataSource;

	/** Bound to a transaction that appended: reads must not see its uncommitted entries. */
	private final Object appendedKey = new Object();

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final ListenerConnections listenerConnections;

	private final Duration pollInterval;

	private final Duration retentionAge;

	private final int retentionCount;

	private final long retentionBytes;

	private final Duration retentionInterval;

	private volatile Consumer<Set<String>> wakeUp = (topics) -> {
	};

	/**
	 * Names this instance in its wake-ups, so that its listener skips the appends its own hub has
	 * delivered already (outside a transaction the hub delivers what it appended at once).
	 */
	private final String instance = Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE);

	private final AtomicLong appends = new AtomicLong();

	private final AtomicLong wakeUps = new AtomicLong();

	private final AtomicLong connects = new AtomicLong();

	private volatile @Nullable Thread listener;

	private volatile @Nullable Connection listening;

	private volatile boolean running;

	protected PostgresDatastarEventLog(Builder builder) {
		this.dataSource = builder.dataSource;
		this.jdbc = new JdbcTemplate(builder.dataSource);
		this.transactions = new TransactionTemplate((builder.transactionManager != null) ? builder.transactionManager
				: new DataSourceTransactionManager(builder.dataSource));
		this.listenerConnections = (builder.listenerConnections != null) ? builder.listenerConnections
				: ListenerConnections.direct(builder.dataSource);
		this.pollInterval = builder.pollInterval;
		this.retentionAge = builder.retentionAge;
		this.retentionCount = builder.retentionCount;
		this.retentionBytes = builder.retentionBytes;
		this.retentionInterval = builder.retentionInterval;
		if (builder.initializeSchema) {
			new ResourceDatabasePopulator(new ClassPathResource(SCHEMA)).execute(builder.dataSource);
		}
	}

	/** A builder reading and writing through {@code dataSource}. */
	public static Builder builder(DataSource dataSource) {
		return new Builder(dataSource);
	}

	@Override
	public @Nullable Position append(String topic, byte[] event) {
		// Inside a transaction the entry is visible, and NOTIFY sent, only at commit: then the
		// wake-up is for this instance too.
		boolean transaction = TransactionSynchronizationManager.isActualTransactionActive();
		String wakeUp = wakeUpPayload(topic, transaction);
		Position position = this.jdbc.query(APPEND, (rs) -> {
			rs.next();
			return new Position(rs.getString(1), rs.getLong(2));
		}, topic, newEpoch(), topic, event, wakeUp);
		this.appends.incrementAndGet();
		if (!transaction) {
			return position;
		}
		if (!TransactionSynchronizationManager.hasResource(this.appendedKey)) {
			TransactionSynchronizationManager.bindResource(this.appendedKey, Boolean.TRUE);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(PostgresDatastarEventLog.this.appendedKey);
				}
			});
		}
		return null;
	}

	@Override
	public Map<String, Read> read(Map<String, Position> after, int limit) {
		if (after.isEmpty()) {
			return Map.of();
		}
		try {
			if (TransactionSynchronizationManager.isActualTransactionActive()
					&& !TransactionSynchronizationManager.hasResource(this.appendedKey)) {
				// In the caller's transaction (a subscribe holding the topic's lock): it sees what is
				// committed, and a second connection per subscribe could exhaust the pool.
				Connection connection = DataSourceUtils.getConnection(this.dataSource);
				try {
					return read(connection, after, limit);
				}
				finally {
					DataSourceUtils.releaseConnection(connection, this.dataSource);
				}
			}
			// Never through a transaction that appended: its entries are not committed yet.
			try (Connection connection = this.dataSource.getConnection()) {
				connection.setAutoCommit(true);
				return read(connection, after, limit);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Reading the Datastar event log failed", ex);
		}
	}

	private Map<String, Read> read(Connection connection, Map<String, Position> after, int limit) throws SQLException {
		String[] topics = after.keySet().toArray(String[]::new);
		String[] epochs = new String[topics.length];
		Long[] sequences = new Long[topics.length];
		for (int i = 0; i < topics.length; i++) {
			epochs[i] = after.get(topics[i]).epoch();
			sequences[i] = after.get(topics[i]).sequence();
		}
		Map<String, Read> result = new HashMap<>();
		Map<String, Position> lost = new HashMap<>();
		try (PreparedStatement read = connection.prepareStatement(READ)) {
			read.setArray(1, connection.createArrayOf("text", topics));
			read.setArray(2, connection.createArrayOf("text", epochs));
			read.setArray(3, connection.createArrayOf("bigint", sequences));
			read.setInt(4, limit);
			try (ResultSet rs = read.executeQuery()) {
				while (rs.next()) {
					String topic = rs.getString(1);
					Read known = result.get(topic);
					if (known == null) {
						Position last = new Position(rs.getString(2), rs.getLong(3));
						long oldest = rs.getLong(4);
						boolean kept = !rs.wasNull();
						Position from = after.get(topic);
						if (!from.epoch().equals(last.epoch())) {
							known = Read.otherEpoch(last);
						}
						else if (from.sequence() > last.sequence()) {
							// Entries this process delivered are gone (a failover to a replica that had
							// not received them): the topic's history is lost, its ids must not be reused.
							lost.put(topic, last);
							continue;
						}
						else if (from.sequence() < last.sequence() && (!kept || oldest > from.sequence() + 1)) {
							known = Read.truncated(last);
						}
						else {
							known = new Read(Status.ENTRIES, last, new ArrayList<>());
						}
						result.put(topic, known);
					}
					long sequence = rs.getLong(5);
					if (!rs.wasNull() && known.status() == Status.ENTRIES) {
						known.entries().add(new Entry(sequence, rs.getBytes(6)));
					}
				}
			}
		}
		for (Map.Entry<String, Read> topic : result.entrySet()) {
			Read read = topic.getValue();
			long from = after.get(topic.getKey()).sequence();
			// One snapshot cannot show a gap, but a reader must never skip one: read it as truncated.
			if (read.status() == Status.ENTRIES && from < read.latest().sequence()
					&& (read.entries().isEmpty() || read.entries().get(0).sequence() != from + 1)) {
				topic.setValue(Read.truncated(read.latest()));
			}
		}
		for (Map.Entry<String, Position> topic : lost.entrySet()) {
			result.put(topic.getKey(), Read.otherEpoch(newEpoch(connection, topic.getKey(), topic.getValue())));
		}
		return result;
	}

	private Position newEpoch(Connection connection, String topic, Position last) throws SQLException {
		String epoch = newEpoch();
		try (PreparedStatement update = connection
			.prepareStatement("UPDATE datastar_topic SET epoch = ? WHERE topic = ? AND epoch = ? RETURNING epoch, seq")) {
			update.setString(1, epoch);
			update.setString(2, topic);
			update.setString(3, last.epoch());
			try (ResultSet rs = update.executeQuery()) {
				if (rs.next()) {
					logger.warn("Datastar topic '" + topic + "' lost entries (database failover?): new epoch " + epoch);
					return new Position(rs.getString(1), rs.getLong(2));
				}
			}
		}
		return last;
	}

	@Override
	public <T> T locked(String topic, Function<Position, T> work) {
		return this.transactions.execute((status) -> {
			this.jdbc.update("INSERT INTO datastar_topic (topic, epoch, seq) VALUES (?, ?, 0) ON CONFLICT DO NOTHING",
					topic, newEpoch());
			Position latest = this.jdbc.queryForObject("SELECT epoch, seq FROM datastar_topic WHERE topic = ? FOR UPDATE",
					(rs, row) -> new Position(rs.getString(1), rs.getLong(2)), topic);
			return work.apply(Objects.requireNonNull(latest));
		});
	}

	@Override
	public void tail(Consumer<Set<String>> wakeUp) {
		this.wakeUp = Objects.requireNonNull(wakeUp, "wakeUp");
	}

	private static String newEpoch() {
		// Random, so that a topic created again (its rows deleted) never reuses an earlier epoch.
		return Long.toString(System.currentTimeMillis(), 36) + "."
				+ Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36);
	}

	@Override
	public void start() {
		if (this.running) {
			return;
		}
		this.running = true;
		Thread thread = new Thread(this::listen, "datastar-postgres-listener");
		thread.setDaemon(true);
		this.listener = thread;
		thread.start();
	}

	@Override
	public void stop() {
		this.running = false;
		Thread thread = this.listener;
		Connection connection = this.listening;
		if (connection != null) {
			// Closes the socket under the listener's wait for notifications, which holds the
			// connection: close() would wait for it (up to a poll interval) before it could act.
			try {
				connection.abort(Runnable::run);
			}
			catch (SQLException | RuntimeException ex) {
				closeQuietly(connection);
			}
		}
		if (thread != null) {
			thread.interrupt();
			try {
				thread.join(5000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		this.listener = null;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Before the hub (default phase), after which it stops: the hub gets wake-ups while it runs. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 1024;
	}

	/** Entries appended by this process. */
	public long appendCount() {
		return this.appends.get();
	}

	/** Wake-ups (notifications) the listener received. */
	public long wakeUpCount() {
		return this.wakeUps.get();
	}

	/** How often the listener connected (1 after a start without failures). */
	public long connectCount() {
		return this.connects.get();
	}

	/** Whether the listener is connected and listening. */
	public boolean isListening() {
		return this.listening != null;
	}

	/** Deletes entries older than the retention age and beyond the count and bytes kept per topic. */
	public int deleteExpired() {
		int deleted = 0;
		int batch = 10_000;
		for (int n = batch; n == batch;) {
			n = this.jdbc.update(DELETE_OLD, this.retentionAge.toMillis() / 1000.0, batch);
			deleted += n;
		}
		for (int n = batch; n == batch;) {
			n = this.jdbc.update(DELETE_EXCESS, this.retentionCount, this.retentionBytes, batch);
			deleted += n;
		}
		return deleted;
	}

	private void listen() {
		long backoff = 50;
		long nextRetention = System.nanoTime();
		boolean failing = false;
		while (this.running) {
			Connection connection = null;
			try {
				connection = this.listenerConnections.get();
				connection.setAutoCommit(true);
				org.postgresql.PGConnection pg = connection.unwrap(org.postgresql.PGConnection.class);
				try (var statement = connection.createStatement()) {
					// Named, so that operators (and tests) can find the listener in pg_stat_activity.
					statement.execute("SET application_name = '" + LISTENER_NAME + "'");
					statement.execute("LISTEN " + CHANNEL);
				}
				String server = serverIdentity(connection);
				this.listening = connection;
				this.connects.incrementAndGet();
				// Listening first, then catching up: whatever is appended from now on wakes us.
				this.wakeUp.accept(Set.of());
				if (failing) {
					logger.info("Datastar event log listener reconnected");
					failing = false;
				}
				backoff = 50;
				long poll = this.pollInterval.toNanos();
				long nextPoll = System.nanoTime() + poll;
				while (this.running) {
					// At least 2 ms: a 1 ms wait is the driver's probe, which the listener's sockets answer at once.
					long wait = Math.max(2, (nextPoll - System.nanoTime()) / 1_000_000);
					org.postgresql.PGNotification[] notifications = pg.getNotifications((int) Math.min(wait, Integer.MAX_VALUE));
					if (notifications != null && notifications.length > 0) {
						this.wakeUps.addAndGet(notifications.length);
						Set<String> topics = new java.util.HashSet<>();
						for (org.postgresql.PGNotification notification : notifications) {
							String topic = topicToWake(notification.getParameter());
							if (topic != null) {
								topics.add(topic);
							}
						}
						if (!topics.isEmpty()) {
							this.wakeUp.accept(topics);
						}
					}
					long now = System.nanoTime();
					if (now - nextPoll >= 0) {
						String current = serverIdentity(connection);
						if (!current.equals(server)) {
							logger.warn("Datastar event log: the database server changed (" + server + " -> " + current
									+ "), catching up every topic");
							server = current;
						}
						// A missed wake-up (there should be none) costs at most one poll interval.
						this.wakeUp.accept(Set.of());
						nextPoll = now + poll;
						if (now - nextRetention >= 0) {
							deleteExpired();
							nextRetention = now + this.retentionInterval.toNanos();
						}
					}
				}
			}
			catch (Exception ex) {
				if (!this.running) {
					break;
				}
				if (!failing) {
					logger.warn("Datastar event log listener lost its connection; reconnecting: " + ex);
					failing = true;
				}
				try {
					Thread.sleep(backoff);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					break;
				}
				backoff = Math.min(backoff * 2, 1000);
			}
			finally {
				this.listening = null;
				if (connection != null) {
					closeQuietly(connection);
				}
			}
		}
	}

	/** The {@code NOTIFY} payload of an append to {@code topic}. */
	String wakeUpPayload(String topic, boolean inTransaction) {
		return (inTransaction ? "-" : this.instance) + " " + topic;
	}

	/**
	 * The topic a wake-up ({@code "<instance or -> <topic>"}) names, or {@code null} when this
	 * instance appended the entry itself and its hub has it already. Any other payload (a
	 * {@code NOTIFY} of someone else's) is taken as a topic name.
	 */
	@Nullable String topicToWake(String payload) {
		int space = payload.indexOf(' ');
		if (space <= 0) {
			return payload;
		}
		return payload.startsWith(this.instance) && space == this.instance.length() ? null : payload.substring(space + 1);
	}

	/** Which server answers: a restart or a failover changes it. */
	private static String serverIdentity(Connection connection) throws SQLException {
		try (var statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(
						"SELECT (SELECT system_identifier FROM pg_control_system())::text || '@' || pg_postmaster_start_time()::text")) {
			rs.next();
			return rs.getString(1);
		}
	}

	private static void closeQuietly(Connection connection) {
		try {
			connection.close();
		}
		catch (SQLException ex) {
			// Already broken: nothing to release.
		}
	}

	/** Opens the listener's connection; see {@link Builder#listenerConnections}. */
	@FunctionalInterface
	public interface ListenerConnections {

		Connection get() throws SQLException;

		/**
		 * Direct connections to {@code url} with the given driver properties, on the listener's
		 * sockets ({@link ListenerSocketFactory}) unless the properties name a socket factory.
		 */
		static ListenerConnections direct(String url, java.util.Properties properties) {
			java.util.Properties withSockets = new java.util.Properties();
			withSockets.putAll(properties);
			withSockets.putIfAbsent("socketFactory", ListenerSocketFactory.class.getName());
			return () -> java.sql.DriverManager.getConnection(url, withSockets);
		}

		/**
		 * Direct connections with the settings of {@code dataSource} when it is a Hikari pool
		 * configured by URL (Spring Boot's default), else connections from {@code dataSource}.
		 */
		static ListenerConnections direct(DataSource dataSource) {
			if (HIKARI_PRESENT) {
				ListenerConnections direct = Hikari.direct(dataSource);
				if (direct != null) {
					return direct;
				}
			}
			return dataSource::getConnection;
		}

	}

	private static final boolean HIKARI_PRESENT = org.springframework.util.ClassUtils
		.isPresent("com.zaxxer.hikari.HikariDataSource", PostgresDatastarEventLog.class.getClassLoader());

	/** Kept apart so that Hikari's types are loaded only when present. */
	private static final class Hikari {

		static @Nullable ListenerConnections direct(DataSource dataSource) {
			com.zaxxer.hikari.HikariDataSource hikari;
			try {
				if (!dataSource.isWrapperFor(com.zaxxer.hikari.HikariDataSource.class)) {
					return null;
				}
				hikari = dataSource.unwrap(com.zaxxer.hikari.HikariDataSource.class);
			}
			catch (SQLException ex) {
				return null;
			}
			String url = hikari.getJdbcUrl();
			if (url == null || !url.startsWith("jdbc:postgresql:")) {
				return null;
			}
			java.util.Properties properties = new java.util.Properties();
			properties.putAll(hikari.getDataSourceProperties());
			if (hikari.getUsername() != null) {
				properties.setProperty("user", hikari.getUsername());
			}
			if (hikari.getPassword() != null) {
				properties.setProperty("password", hikari.getPassword());
			}
			return ListenerConnections.direct(url, properties);
		}

	}

	/** Settings of a {@link PostgresDatastarEventLog}; each starts at its documented default. */
	public static final class Builder {

		private final DataSource dataSource;

		private @Nullable PlatformTransactionManager transactionManager;

		private @Nullable ListenerConnections listenerConnections;

		private Duration pollInterval = Duration.ofSeconds(2);

		private Duration retentionAge = Duration.ofHours(1);

		private int retentionCount = 1000;

		private long retentionBytes = 8L * 1024 * 1024;

		private Duration retentionInterval = Duration.ofSeconds(30);

		private boolean initializeSchema;

		private Builder(DataSource dataSource) {
			this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
		}

		/** The transactions {@code update} runs in; by default one over the data source. */
		public Builder transactionManager(@Nullable PlatformTransactionManager transactionManager) {
			this.transactionManager = transactionManager;
			return this;
		}

		/**
		 * Where the listener's long-lived connection comes from; by default the data source. Behind
		 * a transaction-mode pooler (PgBouncer) give a direct connection: LISTEN needs a session.
		 */
		public Builder listenerConnections(ListenerConnections connections) {
			this.listenerConnections = Objects.requireNonNull(connections, "connections");
			return this;
		}

		/** How often the listener checks its connection and reads every followed topic (2 s). */
		public Builder pollInterval(Duration interval) {
			this.pollInterval = positive(interval, "pollInterval");
			return this;
		}

		/** Entries older than this are deleted (1 h). */
		public Builder retentionAge(Duration age) {
			this.retentionAge = positive(age, "retentionAge");
			return this;
		}

		/** How many recent entries each topic keeps (1000); the newest is always kept. */
		public Builder retentionCount(int count) {
			if (count < 1) {
				throw new IllegalArgumentException("retentionCount must be positive");
			}
			this.retentionCount = count;
			return this;
		}

		/** How many bytes of recent entries each topic keeps (8 MiB); the newest is always kept. */
		public Builder retentionBytes(long bytes) {
			if (bytes < 0) {
				throw new IllegalArgumentException("retentionBytes must not be negative");
			}
			this.retentionBytes = bytes;
			return this;
		}

		/** How often retention runs (30 s), on the listener's thread. */
		public Builder retentionInterval(Duration interval) {
			this.retentionInterval = positive(interval, "retentionInterval");
			return this;
		}

		/** Whether to create the tables when they are missing ({@code false}: migrations create them). */
		public Builder initializeSchema(boolean initialize) {
			this.initializeSchema = initialize;
			return this;
		}

		public PostgresDatastarEventLog build() {
			return new PostgresDatastarEventLog(this);
		}

		private static Duration positive(Duration duration, String name) {
			if (duration == null || duration.isZero() || duration.isNegative()) {
				throw new IllegalArgumentException(name + " must be positive");
			}
			return duration;
		}

	}

}
