package io.github.datastarspring.realtime;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import com.zaxxer.hikari.HikariDataSource;
import io.github.datastarspring.core.DatastarEventEncoder;
import io.github.datastarspring.core.DatastarEvents;
import io.github.datastarspring.core.DatastarSink;
import io.github.datastarspring.realtime.postgres.PostgresDatastarEventLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Measures the PostgreSQL log with two hubs ("instances") in one JVM against one real server, and
 * a single in-memory hub in the same run for comparison. Prints the numbers for docs/performance.md;
 * asserts only what must hold at any speed (nothing lost, nothing repeated, no snapshot on a
 * cross-instance resume). Opt-in: {@code DATASTAR_TEST_MEASURE=true}.
 */
class ClusterMeasurementTests {

	private static final int STREAMS = 1000;

	private static final int EVENTS = 200;

	private final DatastarEventEncoder encoder = new DatastarEventEncoder();

	private final List<AutoCloseable> resources = new ArrayList<>();

	@AfterEach
	void close() throws Exception {
		for (int i = this.resources.size() - 1; i >= 0; i--) {
			this.resources.get(i).close();
		}
	}

	private InMemoryDatastarBroadcaster hub(DatastarEventLog log) {
		InMemoryDatastarBroadcaster hub = InMemoryDatastarBroadcaster.builder(this.encoder)
			.eventLog(log)
			.heartbeat(Duration.ZERO)
			.build();
		this.resources.add(hub);
		return hub;
	}

	private PostgresDatastarEventLog postgres(String url) {
		HikariDataSource dataSource = PostgresServer.get().dataSource(url);
		dataSource.setMaximumPoolSize(12);
		this.resources.add(dataSource);
		PostgresDatastarEventLog log = PostgresDatastarEventLog.builder(dataSource).initializeSchema(true).build();
		log.start();
		this.resources.add(log::stop);
		await().until(log::isListening);
		return log;
	}

	@Test
	void crossInstanceDeliveryAgainstSingleNode() throws Exception {
		assumeTrue("true".equals(System.getenv("DATASTAR_TEST_MEASURE")), "set DATASTAR_TEST_MEASURE=true to measure");
		String url = PostgresServer.get().createDatabase();
		InMemoryDatastarBroadcaster single = hub(new InMemoryDatastarEventLog(256, 1 << 20));
		PostgresDatastarEventLog logA = postgres(url);
		PostgresDatastarEventLog logB = postgres(url);
		InMemoryDatastarBroadcaster a = hub(logA);
		InMemoryDatastarBroadcaster b = hub(logB);

		Result local = run("single node (in-memory log)", single, single);
		Result sameInstance = run("PostgreSQL log, same instance", a, a);
		Result cross = run("PostgreSQL log, other instance", a, b);
		System.out.printf("p99 ratio cross-instance / single node: %.2f%n", cross.p99 / local.p99);
		assertThat(local.lost + sameInstance.lost + cross.lost).isZero();
		assertThat(local.duplicates + sameInstance.duplicates + cross.duplicates).isZero();

		// Resume: 1,000 streams leave A, miss 10 events, and come back on B with their last id.
		AtomicInteger snapshots = new AtomicInteger();
		DatastarSnapshot snapshot = (out) -> {
			snapshots.incrementAndGet();
			out.send(DatastarEvents.patchElements("<p id=\"s\">snapshot</p>"));
		};
		List<LatencySink> leaving = new ArrayList<>();
		for (int i = 0; i < STREAMS; i++) {
			leaving.add(a.subscribe("resume", new LatencySink(), (String) null, snapshot));
		}
		a.publish("resume", event(0));
		await().until(() -> leaving.stream().allMatch((s) -> s.lastId != null && s.received.get() == 2));
		snapshots.set(0);
		leaving.forEach(LatencySink::disconnect);
		for (int n = 1; n <= 10; n++) {
			a.publish("resume", event(n));
		}
		List<LatencySink> back = new ArrayList<>();
		for (LatencySink sink : leaving) {
			back.add(b.subscribe("resume", new LatencySink(), sink.lastId, snapshot));
		}
		await().until(() -> back.stream().allMatch((s) -> s.received.get() == 10));
		System.out.printf("cross-instance resume of %,d streams, 10 missed events each: snapshots %d, events %,d%n",
				STREAMS, snapshots.get(), back.stream().mapToInt((s) -> s.received.get()).sum());
		assertThat(snapshots.get()).isZero();

		// Recovery after the listeners' backends are terminated: time until B delivers again.
		LatencySink watcher = b.subscribe("recovery", new LatencySink());
		long[] recoveries = new long[5];
		for (int round = 0; round < recoveries.length; round++) {
			long connects = logB.connectCount();
			int before = watcher.received.get();
			long start = System.nanoTime();
			new JdbcTemplate(PostgresServer.get().dataSource(url)).queryForList("SELECT pg_terminate_backend(pid) "
					+ "FROM pg_stat_activity WHERE application_name = '" + PostgresDatastarEventLog.LISTENER_NAME + "'");
			a.publish("recovery", event(round));
			await().atMost(Duration.ofSeconds(30)).until(() -> watcher.received.get() > before);
			recoveries[round] = (System.nanoTime() - start) / 1_000_000;
			await().until(() -> logB.connectCount() > connects && logA.isListening() && logB.isListening());
		}
		System.out.println("recovery after pg_terminate_backend of both listeners (ms): " + Arrays.toString(recoveries));

		// Appends per second: 4 threads, 20,000 appends to 100 topics.
		ExecutorService publishers = Executors.newFixedThreadPool(4);
		try {
			byte[] bytes = this.encoder.encode(event(1));
			long start = System.nanoTime();
			List<Future<?>> done = new ArrayList<>();
			for (int p = 0; p < 4; p++) {
				int from = p;
				done.add(publishers.submit(() -> {
					for (int i = 0; i < 5000; i++) {
						logA.append("burst-" + ((from * 5000 + i) % 100), bytes);
					}
				}));
			}
			for (Future<?> f : done) {
				f.get();
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			System.out.printf("appends: 20,000 in %.2f s = %,.0f appends/s (4 threads, 100 topics)%n", seconds,
					20_000 / seconds);
		}
		finally {
			publishers.shutdown();
		}
		// Wake-ups per second one listener drains: 20,000 NOTIFYs from 4 connections.
		long wakeUpsBefore = logB.wakeUpCount();
		ExecutorService notifiers = Executors.newFixedThreadPool(4);
		try {
			JdbcTemplate jdbc = new JdbcTemplate(PostgresServer.get().dataSource(url));
			long start = System.nanoTime();
			for (int p = 0; p < 4; p++) {
				int from = p;
				notifiers.submit(() -> {
					for (int i = 0; i < 5000; i++) {
						jdbc.execute("NOTIFY datastar_log, 'wake-" + from + "-" + i + "'");
					}
				});
			}
			await().atMost(Duration.ofMinutes(2)).until(() -> logB.wakeUpCount() - wakeUpsBefore >= 20_000);
			double seconds = (System.nanoTime() - start) / 1e9;
			System.out.printf("wake-ups: 20,000 drained by one listener in %.2f s = %,.0f wake-ups/s%n", seconds,
					20_000 / seconds);
		}
		finally {
			notifiers.shutdown();
		}
	}

	private Result run(String name, InMemoryDatastarBroadcaster publisher, InMemoryDatastarBroadcaster receiver) {
		String topic = "latency-" + name.hashCode();
		List<LatencySink> sinks = new ArrayList<>();
		for (int i = 0; i < STREAMS; i++) {
			sinks.add(receiver.subscribe(topic, new LatencySink()));
		}
		// Warm-up, then EVENTS events 10 ms apart.
		for (int n = 0; n < 20; n++) {
			publisher.publish(topic, event(-1));
		}
		await().atMost(Duration.ofSeconds(60)).until(() -> sinks.stream().allMatch((s) -> s.received.get() == 20));
		sinks.forEach(LatencySink::reset);
		for (int n = 0; n < EVENTS; n++) {
			publisher.publish(topic, event(System.nanoTime()));
			LockSupport.parkNanos(10_000_000);
		}
		await().atMost(Duration.ofSeconds(60)).until(() -> sinks.stream().allMatch((s) -> s.received.get() >= EVENTS));
		long[] all = sinks.stream().flatMapToLong((s) -> Arrays.stream(s.latencies, 0, EVENTS)).sorted().toArray();
		Result result = new Result(all[all.length / 2] / 1e6, all[(int) (all.length * 0.99)] / 1e6,
				sinks.stream().mapToLong((s) -> Math.max(0, EVENTS - s.received.get())).sum(),
				sinks.stream().mapToLong((s) -> s.duplicates.get()).sum());
		System.out.printf("%-32s %,d streams x %d events: p50 %.2f ms, p99 %.2f ms, lost %d, duplicates %d%n", name,
				STREAMS, EVENTS, result.p50, result.p99, result.lost, result.duplicates);
		sinks.forEach(LatencySink::disconnect);
		return result;
	}

	private static io.github.datastarspring.core.PatchElements event(long nanos) {
		return DatastarEvents.patchElements("<p id=\"t\">" + nanos + "</p>");
	}

	private record Result(double p50, double p99, long lost, long duplicates) {
	}

	/** Records, when an event is queued for it, how long ago it was published; checks ids are contiguous. */
	private static final class LatencySink implements DatastarSink {

		final long[] latencies = new long[EVENTS + 64];

		final AtomicInteger received = new AtomicInteger();

		final AtomicLong duplicates = new AtomicLong();

		volatile String lastId;

		private volatile boolean open = true;

		private final List<Runnable> onClose = new ArrayList<>();

		private long lastSequence = -1;

		@Override
		public synchronized boolean offer(byte[] event) {
			long now = System.nanoTime();
			String text = new String(event, StandardCharsets.UTF_8);
			int idAt = text.indexOf("id: ");
			if (idAt >= 0) {
				this.lastId = text.substring(idAt + 4, text.indexOf('\n', idAt));
				long sequence = Long.parseLong(this.lastId.substring(this.lastId.lastIndexOf('-') + 1));
				if (this.lastSequence >= 0 && sequence <= this.lastSequence) {
					this.duplicates.incrementAndGet();
				}
				this.lastSequence = sequence;
			}
			int at = text.indexOf("<p id=\"t\">");
			int n = this.received.getAndIncrement();
			if (at >= 0 && n < this.latencies.length) {
				long published = Long.parseLong(text.substring(at + 10, text.indexOf('<', at + 10)));
				this.latencies[n] = (published > 0) ? now - published : 0;
			}
			return true;
		}

		synchronized void reset() {
			this.received.set(0);
		}

		@Override
		public boolean offerReplacingQueued(byte[] event) {
			return offer(event);
		}

		@Override
		public boolean isOpen() {
			return this.open;
		}

		@Override
		public void complete() {
			disconnect();
		}

		@Override
		public synchronized void onClose(Runnable callback) {
			if (!this.open) {
				callback.run();
				return;
			}
			this.onClose.add(callback);
		}

		void disconnect() {
			List<Runnable> callbacks;
			synchronized (this) {
				if (!this.open) {
					return;
				}
				this.open = false;
				callbacks = new ArrayList<>(this.onClose);
			}
			callbacks.forEach(Runnable::run);
		}

	}

}
