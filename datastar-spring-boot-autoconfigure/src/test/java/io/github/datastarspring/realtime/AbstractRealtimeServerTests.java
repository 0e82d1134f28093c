package io.github.datastarspring.realtime;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.datastarspring.RawSseConnection;
import io.github.datastarspring.core.DatastarEvents;
import io.github.datastarspring.core.PatchElements;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The broadcaster behind a real server, read by real HTTP clients; each stack runs these tests
 * with a controller that returns its stream type from {@code GET /rt/{topic}}.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class AbstractRealtimeServerTests {

	static final String[] PROPERTIES = { "datastar.sse.heartbeat=200ms", "datastar.sse.send-queue-size=256",
			"datastar.realtime.replay-buffer-size=1000" };

	@LocalServerPort
	int port;

	@Autowired
	InMemoryDatastarBroadcaster broadcaster;

	@Autowired
	RealtimeTopics topics;

	@Autowired
	MeterRegistry meters;

	private final ExecutorService readers = Executors.newCachedThreadPool();

	@AfterEach
	void stopReaders() {
		this.readers.shutdownNow();
	}

	/** An application of the stack under test, for tests that stop it. */
	abstract SpringApplicationBuilder application();

	String url(String topic) {
		return url(this.port, topic);
	}

	static String url(int port, String topic) {
		return "http://localhost:" + port + "/rt/" + topic;
	}

	@Test
	void everyPublishReachesEverySubscriberInOrder() throws Exception {
		int clients = 100;
		int events = 200;
		List<Future<List<Integer>>> received = new ArrayList<>();
		for (int i = 0; i < clients; i++) {
			RealtimeSseClient client = RealtimeSseClient.open(url("fan"), null);
			assertThat(RealtimeSseClient.isSnapshot(client.nextEvent())).isTrue();
			received.add(this.readers.submit(() -> {
				try (client) {
					List<Integer> values = new ArrayList<>();
					for (int n = 0; n < events; n++) {
						values.add(RealtimeSseClient.value(client.nextEvent()));
					}
					return values;
				}
			}));
		}
		assertThat(this.broadcaster.subscriberCount("fan")).isEqualTo(clients);
		long start = System.nanoTime();
		for (int n = 0; n < events; n++) {
			this.topics.publish("fan", 0);
		}
		long published = System.nanoTime();
		List<Integer> expected = java.util.stream.IntStream.rangeClosed(1, events).boxed().toList();
		for (Future<List<Integer>> values : received) {
			assertThat(values.get(30, TimeUnit.SECONDS)).isEqualTo(expected);
		}
		System.out.printf("%s: %d publishes to %d streams: published in %.1f ms, all received in %.1f ms%n",
				getClass().getSimpleName(), events, clients, (published - start) / 1e6, (System.nanoTime() - start) / 1e6);
	}

	@Test
	void aStalledClientDoesNotDelayTheOthersAndIsDropped() throws Exception {
		int events = 1000;
		int padding = 32 * 1024;
		try (Socket stalled = new Socket()) {
			// A client that sends its request and never reads: the server's writes fill the TCP
			// buffers, then its send queue.
			stalled.setReceiveBufferSize(1024);
			stalled.connect(new InetSocketAddress("localhost", this.port), 5000);
			OutputStream out = stalled.getOutputStream();
			out.write(("GET /rt/stall HTTP/1.1\r\nHost: localhost:" + this.port
					+ "\r\nAccept: text/event-stream\r\nDatastar-Request: true\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
			out.flush();
			await().atMost(Duration.ofSeconds(10)).until(() -> this.broadcaster.subscriberCount("stall") == 1);
			int healthy = 3;
			List<Semaphore> credits = new ArrayList<>();
			List<Future<Integer>> done = new ArrayList<>();
			List<RealtimeSseClient> opened = new ArrayList<>();
			for (int i = 0; i < healthy; i++) {
				RealtimeSseClient client = RealtimeSseClient.open(url("stall"), null);
				client.nextEvent();
				Semaphore credit = new Semaphore(64);
				credits.add(credit);
				opened.add(client);
				done.add(this.readers.submit(() -> {
					for (int n = 1; n <= events; n++) {
						assertThat(RealtimeSseClient.value(client.nextEvent())).isEqualTo(n);
						credit.release();
					}
					return events;
				}));
			}
			long[] publishNanos = new long[events];
			for (int n = 1; n <= events; n++) {
				// Publish at the pace of the healthy clients: if the stalled one held them back,
				// this wait would time out.
				for (Semaphore credit : credits) {
					assertThat(credit.tryAcquire(10, TimeUnit.SECONDS)).as("healthy clients stuck before event %d", n)
						.isTrue();
				}
				long start = System.nanoTime();
				this.topics.publish("stall", padding);
				publishNanos[n - 1] = System.nanoTime() - start;
			}
			for (Future<Integer> d : done) {
				assertThat(d.get(30, TimeUnit.SECONDS)).isEqualTo(events);
			}
			assertThat(this.broadcaster.subscriberCount("stall")).as("only the healthy clients left").isEqualTo(healthy);
			assertThat(this.meters.get("datastar.subscribers.dropped").tag("topic", "stall").counter().count())
				.isEqualTo(1);
			opened.forEach(RealtimeSseClient::close);
			java.util.Arrays.sort(publishNanos);
			System.out.printf("%s: %d publishes of 32 KB to 3 readers and 1 stalled client: publish call "
					+ "median %.3f ms, p99 %.3f ms, max %.1f ms%n", getClass().getSimpleName(), events,
					publishNanos[events / 2] / 1e6, publishNanos[events * 99 / 100] / 1e6, publishNanos[events - 1] / 1e6);
		}
	}

	@Test
	void aClientDroppedForNotKeepingUpSeesANetworkErrorNotAnEnd(CapturedOutput output) throws Exception {
		// Raw on purpose: a client that never reads, then sees how the socket ends.
		try (RawSseConnection stalled = RawSseConnection.open(this.port, "/rt/drop", 1024)) {
			await().atMost(Duration.ofSeconds(10)).until(() -> this.broadcaster.subscriberCount("drop") == 1);
			int mark = output.getAll().length();
			int published = 0;
			// Never reading, the client fills the TCP buffers, then its send queue: the DROP policy aborts it.
			while (this.broadcaster.subscriberCount("drop") == 1) {
				assertThat(published).as("publishes before the drop").isLessThan(5000);
				this.topics.publish("drop", 32 * 1024);
				published++;
			}
			// What the server had written before closing is still in the TCP buffers: read it fast.
			stalled.setReceiveBufferSize(1024 * 1024);
			assertThat(stalled.readToEnd()).as("end of the dropped stream after %d publishes", published)
				.isEqualTo(RawSseConnection.Ending.ABORTED);
			assertThat(this.meters.get("datastar.subscribers.dropped").tag("topic", "drop").counter().count())
				.isEqualTo(1);
			assertThat(output.getAll().substring(mark)).doesNotContain("WARN").doesNotContain("ERROR");
		}
	}

	@Test
	void thousandConnectAbortCyclesLeaveNoSubscriber() throws Exception {
		for (int i = 0; i < 1000; i++) {
			RealtimeSseClient client = RealtimeSseClient.open(url("churn"), null);
			assertThat(RealtimeSseClient.isSnapshot(client.nextEvent())).isTrue();
			client.close();
		}
		await().atMost(Duration.ofSeconds(20)).until(() -> this.broadcaster.subscriberCount("churn") == 0);
	}

	@Test
	void heartbeatFindsADeadClient() throws Exception {
		// Raw on purpose: the page vanishes with a TCP reset (SO_LINGER 0), which LiveEventStream does not do.
		Socket socket = new Socket("localhost", this.port);
		socket.getOutputStream()
			.write(("GET /rt/dead HTTP/1.1\r\nHost: localhost:" + this.port
					+ "\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
		InputStream in = socket.getInputStream();
		StringBuilder seen = new StringBuilder();
		while (!seen.toString().contains("<p id=\"s\">")) {
			int b = in.read();
			assertThat(b).isNotNegative();
			seen.append((char) b);
		}
		// The page goes away without a word; nothing is published to the topic from now on.
		socket.setSoLinger(true, 0);
		socket.close();
		await().atMost(Duration.ofSeconds(10)).until(() -> this.broadcaster.subscriberCount("dead") == 0);
	}

	@Test
	void resumeAcrossForcedDisconnectsLosesAndDuplicatesNothing() throws Exception {
		int total = 3000;
		Semaphore credit = new Semaphore(100);
		AtomicInteger disconnects = new AtomicInteger();
		Future<InMemoryDatastarBroadcasterTests.ResumingClient> reader = this.readers.submit(() -> {
			InMemoryDatastarBroadcasterTests.ResumingClient client = new InMemoryDatastarBroadcasterTests.ResumingClient();
			Random random = new Random(7);
			while (client.upTo < total) {
				try (RealtimeSseClient stream = RealtimeSseClient.open(url("resume"), client.lastEventId)) {
					for (int n = 1 + random.nextInt(60); n > 0 && client.upTo < total; n--) {
						String event = stream.nextEvent();
						if (event == null) {
							break;
						}
						int before = client.upTo;
						client.receive(event);
						credit.release(client.upTo - before);
					}
				}
				disconnects.incrementAndGet();
			}
			return client;
		});
		for (int n = 1; n <= total; n++) {
			assertThat(credit.tryAcquire(20, TimeUnit.SECONDS)).as("client stuck before event %d", n).isTrue();
			this.topics.publish("resume", 0);
		}
		InMemoryDatastarBroadcasterTests.ResumingClient client = reader.get(60, TimeUnit.SECONDS);
		assertThat(client.upTo).isEqualTo(total);
		assertThat(client.resyncs).as("only the first connect needs the full state").isEqualTo(1);
		assertThat(disconnects.get()).isGreaterThan(50);
	}

	@Test
	void shutdownSendsTheFinalEventAndCompletesEveryStreamQuietly(CapturedOutput output) throws Exception {
		ConfigurableApplicationContext context = application()
			.properties("server.port=0", "datastar.realtime.shutdown.script=setTimeout(() => location.reload(), 3000)")
			.run();
		int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
		List<RealtimeSseClient> clients = new ArrayList<>();
		try {
			for (String topic : List.of("a", "a", "b")) {
				RealtimeSseClient client = RealtimeSseClient.open(url(port, topic), null);
				assertThat(RealtimeSseClient.isSnapshot(client.nextEvent())).isTrue();
				clients.add(client);
			}
			int mark = output.getAll().length();
			context.close();
			for (RealtimeSseClient client : clients) {
				assertThat(client.nextEvent()).contains("location.reload()");
				assertThat(client.nextEvent()).as("stream ended").isNull();
			}
			assertThat(output.getAll().substring(mark)).doesNotContain("ERROR").doesNotContain("Exception");
		}
		finally {
			clients.forEach(RealtimeSseClient::close);
			context.close();
		}
	}

	/** The state behind the topics: one counter each; every publish increments it. */
	static class RealtimeTopics {

		private final Map<String, AtomicInteger> counters = new ConcurrentHashMap<>();

		private final DatastarBroadcaster broadcaster;

		RealtimeTopics(DatastarBroadcaster broadcaster) {
			this.broadcaster = broadcaster;
		}

		DatastarSnapshot snapshot(String topic) {
			return (out) -> out.send(DatastarEvents.patchElements("<p id=\"s\">" + counter(topic).get() + "</p>"));
		}

		void publish(String topic, int padding) {
			this.broadcaster.update(topic, () -> item(counter(topic).incrementAndGet(), padding));
		}

		private AtomicInteger counter(String topic) {
			return this.counters.computeIfAbsent(topic, (t) -> new AtomicInteger());
		}

		private static PatchElements item(int n, int padding) {
			String pad = (padding > 0) ? " data-pad=\"" + "x".repeat(padding) + "\"" : "";
			return DatastarEvents.patchElements("<p id=\"n\"" + pad + ">" + n + "</p>");
		}

	}

}
