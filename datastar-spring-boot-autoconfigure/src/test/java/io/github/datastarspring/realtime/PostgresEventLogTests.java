package io.github.datastarspring.realtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import com.zaxxer.hikari.HikariDataSource;
import io.github.datastarspring.core.DatastarEventEncoder;
import io.github.datastarspring.core.DatastarEvents;
import io.github.datastarspring.realtime.postgres.PostgresDatastarEventLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two hubs ("instances"), each with its own connection pool and listener, sharing topics through
 * one real PostgreSQL server.
 */
@org.junit.jupiter.api.Timeout(value = 3, unit = java.util.concurrent.TimeUnit.MINUTES)
class PostgresEventLogTests {

	private final DatastarEventEncoder encoder = new DatastarEventEncoder();

	private final List<AutoCloseable> resources = new ArrayList<>();

	private String url;

	private Instance a;

	private Instance b;

	@BeforeEach
	void start() {
		this.url = PostgresServer.get().createDatabase();
		this.a = instance();
		this.b = instance();
	}

	@AfterEach
	void stop() throws Exception {
		for (int i = this.resources.size() - 1; i >= 0; i--) {
			this.resources.get(i).close();
		}
	}

	private Instance instance() {
		return instance(Duration.ofMillis(500));
	}

	private Instance instance(Duration pollInterval) {
		HikariDataSource dataSource = PostgresServer.get().dataSource(this.url);
		this.resources.add(dataSource);
		// Retention keeps the whole burst below: a pass during it (the first runs half a second after
		// start) could otherwise truncate history that B has not read yet, which ends B's stream (no
		// snapshot), correctly but by timing. Retention has its own test.
		PostgresDatastarEventLog log = PostgresDatastarEventLog.builder(dataSource)
			.initializeSchema(true)
			.pollInterval(pollInterval)
			.retentionCount(20_000)
			.build();
		InMemoryDatastarBroadcaster hub = InMemoryDatastarBroadcaster.builder(this.encoder)
			.eventLog(log)
			.heartbeat(Duration.ZERO)
			.build();
		log.start();
		this.resources.add(log::stop);
		this.resources.add(hub);
		await().until(log::isListening);
		return new Instance(dataSource, log, hub);
	}

	private static io.github.datastarspring.core.PatchElements item(int n) {
		return DatastarEvents.patchElements("<p id=\"n\">" + n + "</p>");
	}

	private static DatastarSnapshot snapshot(String text) {
		return (out) -> out.send(DatastarEvents.patchElements("<p id=\"s\">" + text + "</p>"));
	}

	/** The n of each {@code <p id="n">n</p>} received until {@code count} have arrived. */
	private static List<Integer> receive(TestSink sink, int count) {
		List<Integer> seen = new ArrayList<>();
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			for (String event : sink.drain()) {
				String elements = TestSink.elements(event);
				seen.add(Integer.parseInt(elements.substring(elements.indexOf('>') + 1, elements.lastIndexOf('<'))));
			}
			return seen.size() >= count;
		});
		return seen;
	}

	@Test
	void aPublishOnOneInstanceReachesTheOthersSubscribersWithTheSameId() {
		TestSink onA = this.a.hub.subscribe("t", new TestSink());
		TestSink onB = this.b.hub.subscribe("t", new TestSink());
		this.a.hub.publish("t", item(1));
		this.b.hub.publish("t", item(2));
		String a1 = onA.next(Duration.ofSeconds(10));
		String b1 = onB.next(Duration.ofSeconds(10));
		assertThat(a1).isEqualTo(b1).contains(">1<");
		assertThat(onA.next(Duration.ofSeconds(10))).isEqualTo(onB.next(Duration.ofSeconds(10))).contains(">2<");
		assertThat(TestSink.id(a1)).matches("[0-9a-z]+\\.[0-9a-z]+-1");
	}

	@Test
	void aClientResumingOnTheOtherInstanceGetsExactlyWhatItMissedAndNoSnapshot() {
		TestSink onA = this.a.hub.subscribe("t", new TestSink(), (String) null, snapshot("first"));
		assertThat(onA.next()).contains("first");
		for (int n = 1; n <= 5; n++) {
			this.a.hub.publish("t", item(n));
		}
		List<String> seen = new ArrayList<>();
		await().until(() -> {
			seen.addAll(onA.drain());
			return seen.size() >= 5;
		});
		String lastSeen = TestSink.id(seen.get(2));
		onA.disconnect();
		for (int n = 6; n <= 8; n++) {
			this.a.hub.publish("t", item(n));
		}
		// B may not have been woken yet: resuming must not depend on it.
		TestSink onB = this.b.hub.subscribe("t", new TestSink(), lastSeen, snapshot("never"));
		this.a.hub.publish("t", item(9));
		assertThat(receive(onB, 6)).containsExactly(4, 5, 6, 7, 8, 9);
		assertThat(onB.next(Duration.ofMillis(700))).isNull();
	}

	@Test
	void aPublishInsideATransactionReachesThePublishingInstanceOnceCommitted() {
		// No fallback poll: only the commit's wake-up can deliver it (an instance skips the
		// wake-ups of what it appended outside a transaction, which its hub delivered at once).
		Instance alone = instance(Duration.ofHours(1));
		TestSink onSame = alone.hub.subscribe("t", new TestSink());
		alone.hub.publish("t", item(1));
		new TransactionTemplate(new DataSourceTransactionManager(alone.dataSource))
			.executeWithoutResult((status) -> alone.hub.publish("t", item(2)));
		// Nothing published after it: a later publish would make the hub catch up anyway.
		assertThat(receive(onSame, 2)).containsExactly(1, 2);
	}

	@Test
	void aRolledBackTransactionPublishesNothing() {
		TestSink onB = this.b.hub.subscribe("t", new TestSink());
		TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(this.a.dataSource));
		transactions.executeWithoutResult((status) -> {
			this.a.hub.publish("t", item(1));
			status.setRollbackOnly();
		});
		transactions.executeWithoutResult((status) -> this.a.hub.publish("t", item(2)));
		assertThat(receive(onB, 1)).containsExactly(2);
		assertThat(onB.next(Duration.ofMillis(1200))).isNull();
		assertThat(new JdbcTemplate(this.a.dataSource).queryForObject("SELECT count(*) FROM datastar_event", Long.class))
			.isEqualTo(1);
	}

	@Test
	void terminatingTheListenersBackendsLosesNothing() {
		TestSink onB = this.b.hub.subscribe("t", new TestSink(100_000));
		int published = 0;
		for (int round = 0; round < 3; round++) {
			long connects = this.b.log.connectCount();
			new JdbcTemplate(this.a.dataSource).queryForList("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
					+ "WHERE application_name = '" + PostgresDatastarEventLog.LISTENER_NAME + "'");
			for (int i = 0; i < 50; i++) {
				this.a.hub.publish("t", item(++published));
			}
			await().until(() -> this.b.log.connectCount() > connects);
		}
		assertThat(receive(onB, published)).containsExactlyElementsOf(IntStream.rangeClosed(1, published).boxed().toList());
		assertThat(onB.next(Duration.ofMillis(700))).isNull();
	}

	@Test
	void restartingPostgresLosesNothingOnceItIsBack() {
		TestSink onA = this.a.hub.subscribe("t", new TestSink(100_000));
		TestSink onB = this.b.hub.subscribe("t", new TestSink(100_000));
		for (int n = 1; n <= 20; n++) {
			this.a.hub.publish("t", item(n));
		}
		PostgresServer.get().restart();
		// Publishing fails while the pool finds its connections broken, then works again.
		List<Integer> published = new ArrayList<>(IntStream.rangeClosed(1, 20).boxed().toList());
		await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
			this.a.hub.publish("t", item(21));
			return true;
		});
		published.add(21);
		for (int n = 22; n <= 40; n++) {
			this.b.hub.publish("t", item(n));
			published.add(n);
		}
		assertThat(receive(onA, published.size())).containsExactlyElementsOf(published);
		assertThat(receive(onB, published.size())).containsExactlyElementsOf(published);
	}

	@Test
	void aBurstOfTenThousandEventsAndBogusWakeUpsIsDrainedInOrder() throws Exception {
		TestSink onB = this.b.hub.subscribe("t", new TestSink(20_000));
		this.b.hub.subscribe("quiet", new TestSink());
		JdbcTemplate jdbc = new JdbcTemplate(this.a.dataSource);
		Thread bogus = new Thread(() -> {
			for (int i = 0; i < 2000; i++) {
				jdbc.execute("NOTIFY datastar_log, '" + ((i % 2 == 0) ? "quiet" : "no-such-topic") + "'");
			}
		});
		bogus.start();
		ExecutorService publishers = Executors.newFixedThreadPool(4);
		try {
			CountDownLatch go = new CountDownLatch(1);
			List<Future<?>> done = new ArrayList<>();
			for (int p = 0; p < 4; p++) {
				int from = p * 2500;
				done.add(publishers.submit(() -> {
					go.await();
					for (int n = from + 1; n <= from + 2500; n++) {
						this.a.hub.publish("t", item(n));
					}
					return null;
				}));
			}
			go.countDown();
			for (Future<?> f : done) {
				f.get();
			}
		}
		finally {
			publishers.shutdown();
		}
		bogus.join();
		List<Integer> received = receive(onB, 10_000);
		assertThat(received).hasSize(10_000).doesNotHaveDuplicates();
		assertThat(onB.next(Duration.ofMillis(700))).isNull();
	}

	@Test
	void concurrentUpdatesFromBothInstancesAreDeliveredInTheOrderTheyHappened() throws Exception {
		JdbcTemplate jdbc = new JdbcTemplate(this.a.dataSource);
		jdbc.execute("CREATE TABLE counter (id int PRIMARY KEY, value int NOT NULL)");
		jdbc.update("INSERT INTO counter VALUES (1, 0)");
		TestSink onA = this.a.hub.subscribe("c", new TestSink(1000));
		TestSink onB = this.b.hub.subscribe("c", new TestSink(1000));
		ExecutorService workers = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (Instance instance : List.of(this.a, this.b, this.a, this.b)) {
				JdbcTemplate mine = new JdbcTemplate(instance.dataSource);
				done.add(workers.submit(() -> {
					for (int i = 0; i < 25; i++) {
						// The change reads and writes the application's state in the log's transaction.
						instance.hub.update("c", () -> item(mine.queryForObject(
								"UPDATE counter SET value = value + 1 WHERE id = 1 RETURNING value", Integer.class)));
					}
					return null;
				}));
			}
			for (Future<?> f : done) {
				f.get();
			}
		}
		finally {
			workers.shutdown();
		}
		List<Integer> expected = IntStream.rangeClosed(1, 100).boxed().toList();
		assertThat(receive(onA, 100)).containsExactlyElementsOf(expected);
		assertThat(receive(onB, 100)).containsExactlyElementsOf(expected);
	}

	@Test
	void retentionKeepsTheNewestEntriesWithinCountAndBytes() {
		HikariDataSource dataSource = PostgresServer.get().dataSource(this.url);
		this.resources.add(dataSource);
		PostgresDatastarEventLog log = PostgresDatastarEventLog.builder(dataSource).retentionCount(10)
			.retentionBytes(3000)
			.build();
		for (int n = 1; n <= 30; n++) {
			log.append("small", new byte[100]);
			log.append("large", new byte[1000]);
		}
		log.append("huge", new byte[10_000]);
		log.deleteExpired();
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		assertThat(jdbc.queryForList("SELECT seq FROM datastar_event WHERE topic = 'small' ORDER BY seq", Long.class))
			.containsExactlyElementsOf(IntStream.rangeClosed(21, 30).mapToObj(Long::valueOf).toList());
		assertThat(jdbc.queryForList("SELECT seq FROM datastar_event WHERE topic = 'large' ORDER BY seq", Long.class))
			.containsExactly(28L, 29L, 30L);
		assertThat(jdbc.queryForList("SELECT seq FROM datastar_event WHERE topic = 'huge'", Long.class)).containsExactly(1L);
		// A client older than what is kept gets the snapshot, with the latest id.
		TestSink late = this.b.hub.subscribe("small", new TestSink(), jdbc.queryForObject(
				"SELECT epoch FROM datastar_topic WHERE topic = 'small'", String.class) + "-5", snapshot("now"));
		assertThat(late.next()).contains("now").contains("-30\n");
	}

	private record Instance(HikariDataSource dataSource, PostgresDatastarEventLog log, InMemoryDatastarBroadcaster hub) {
	}

}
