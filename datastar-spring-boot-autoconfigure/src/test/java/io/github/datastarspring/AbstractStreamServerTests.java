package io.github.datastarspring;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.github.datastarspring.core.internal.StreamSupport;
import io.github.datastarspring.realtime.DatastarBroadcaster;
import io.github.datastarspring.test.LiveEventStream;
import io.github.datastarspring.test.LiveEventStream.Ending;
import io.github.datastarspring.test.ReceivedEvent;
import io.github.datastarspring.core.DatastarEventSender;
import io.github.datastarspring.core.DatastarEvents;
import io.github.datastarspring.core.DatastarSink;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.awaitility.Awaitility.await;

/**
 * How a stream behaves on a real server, the same suite for each stack (Tomcat for MVC, Reactor
 * Netty for WebFlux): abort, heartbeats, departed and stalled clients, shutdown, close callbacks.
 * Subclasses serve, with {@code datastar.sse.heartbeat=1s}: {@code GET /abortable} returning
 * {@link #opened}; {@code GET /param} from a method taking its stream as a parameter, passed to
 * {@link #opened}; {@code GET /load} subscribing a new stream to the hub's topic {@code load}.
 */
@ExtendWith(OutputCaptureExtension.class)
public abstract class AbstractStreamServerTests {

	static volatile CompletableFuture<DatastarSink> stream = new CompletableFuture<>();

	static final AtomicInteger closes = new AtomicInteger();

	@LocalServerPort
	int port;

	/** Registers the stream a controller returns; it has sent one event. */
	protected static <S extends DatastarSink & DatastarEventSender> S opened(S s) {
		s.onClose(closes::incrementAndGet);
		s.patchSignals("{\"hello\":1}");
		stream.complete(s);
		return s;
	}

	@BeforeEach
	protected void reset() {
		stream = new CompletableFuture<>();
		closes.set(0);
	}

	/** A Datastar request for {@code path}, read as a browser tab reads it. */
	private static LiveEventStream open(int port, String path) throws Exception {
		return LiveEventStream.connect("http://localhost:" + port + path).open();
	}

	@Test
	void abortClosesTheConnectionWithoutTheLastChunk(CapturedOutput output) throws Exception {
		try (LiveEventStream page = open(this.port, "/abortable")) {
			assertThat(page.nextEvent().signals()).isEqualTo("{\"hello\":1}");
			DatastarSink sink = stream.get(10, TimeUnit.SECONDS);
			int mark = output.getAll().length();
			sink.abort();
			assertThat(sink.isOpen()).isFalse();
			assertThat(((DatastarEventSender) sink).send(DatastarEvents.patchSignals("{\"late\":1}"))).isFalse();
			assertThat(page.awaitEnd()).isEqualTo(Ending.ABORTED);
			assertThat(page.received().events()).hasSize(1);
			assertThat(page.rawResponse()).containsIgnoringCase("Transfer-Encoding: chunked").doesNotContain("late");
			assertThat(closes).hasValue(1);
			sink.abort();
			sink.complete();
			assertThat(closes).hasValue(1);
			assertQuiet(output, mark);
		}
	}

	@Test
	void completeStillEndsTheResponseCleanly() throws Exception {
		try (LiveEventStream page = open(this.port, "/abortable")) {
			assertThat(page.nextEvent().signals()).isEqualTo("{\"hello\":1}");
			stream.get(10, TimeUnit.SECONDS).complete();
			assertThat(page.awaitEnd()).isEqualTo(Ending.COMPLETED);
			assertThat(page.rawResponse()).endsWith("\r\n0\r\n\r\n");
			assertThat(page.remainingEvents().events()).isEmpty();
			await().untilAsserted(() -> assertThat(closes).hasValue(1));
		}
	}

	@Test
	void anHttpClientReadingAnAbortedStreamGetsAnIoException(CapturedOutput output) throws Exception {
		// Raw on purpose: what java.net.http's own reader does when the server resets the stream.
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		HttpResponse<InputStream> response = client.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/abortable"))
					.header("Datastar-Request", "true")
					.build(),
				HttpResponse.BodyHandlers.ofInputStream());
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
			assertThat(reader.readLine()).isEqualTo("event: datastar-patch-signals");
			int mark = output.getAll().length();
			stream.get(10, TimeUnit.SECONDS).abort();
			assertThatIOException().isThrownBy(() -> {
				while (reader.readLine() != null) {
					// the rest of the first event
				}
			});
			assertThat(closes).hasValue(1);
			assertQuiet(output, mark);
		}
	}

	@Test
	void aStreamCanBeAHandlerParameter() throws Exception {
		try (LiveEventStream page = open(this.port, "/param")) {
			assertThat(page.nextEvent().signals()).isEqualTo("{\"hello\":1}");
			stream.get(10, TimeUnit.SECONDS).complete();
			assertThat(page.awaitEnd()).isEqualTo(Ending.COMPLETED);
			assertThat(page.rawResponse()).endsWith("\r\n0\r\n\r\n");
			assertThat(page.remainingEvents().events()).isEmpty();
		}
	}

	@Test
	void anIdleStreamGetsOneHeartbeatPerIntervalEvenWhenSubscribedToTheHub() throws Exception {
		try (LiveEventStream page = open(this.port, "/load")) {
			await().atMost(Duration.ofSeconds(10)).until(() -> broadcaster().subscriberCount("load") >= 1);
			long start = System.nanoTime();
			page.awaitRaw(":\n\n", Duration.ofSeconds(20));
			await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(10))
				.until(() -> page.received().comments().size() >= 2);
			double seconds = (System.nanoTime() - start) / 1e9;
			// The stream's heartbeat only (1 s): the hub sends it none of its own, else four would
			// have come by the time the second did.
			assertThat(page.received().comments()).hasSize(2);
			assertThat(page.received().events()).isEmpty();
			assertThat(seconds).isGreaterThan(0.9);
		}
	}

	@Test
	void aClientThatLeavesIsNoticedWithinAHeartbeatAndItsStreamClosed(CapturedOutput output) throws Exception {
		int mark = output.getAll().length();
		LiveEventStream page = open(this.port, "/abortable");
		assertThat(page.nextEvent().signals()).isEqualTo("{\"hello\":1}");
		DatastarSink sink = stream.get(10, TimeUnit.SECONDS);
		page.close();
		await().atMost(Duration.ofSeconds(5)).until(() -> !sink.isOpen());
		assertThat(closes).hasValue(1);
		assertQuiet(output, mark);
	}

	@Test
	void gracefulShutdownEndsOpenStreamsSoThatPagesReconnectByThemselves() throws Exception {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(application())
			.properties("server.port=0", "server.shutdown=graceful", "spring.lifecycle.timeout-per-shutdown-phase=60s",
					"spring.main.web-application-type=" + webApplicationType())
			.run(applicationArguments());
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		try (LiveEventStream page = open(port, "/abortable")) {
			assertThat(page.nextEvent().signals()).isEqualTo("{\"hello\":1}");
			DatastarEventSender sender = (DatastarEventSender) stream.get(10, TimeUnit.SECONDS);
			sender.patchSignals("{\"last\":1}");
			long start = System.nanoTime();
			context.close();
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
			// What was queued arrives, then the connection closes without the end of the response:
			// the Datastar client takes it as a network error and retries with its Last-Event-ID.
			assertThat(page.awaitEnd()).isEqualTo(Ending.ABORTED);
			assertThat(page.received().patchSignals()).extracting(ReceivedEvent::signals).containsExactly("{\"hello\":1}", "{\"last\":1}");
			assertThat(closes).hasValue(1);
		}
		finally {
			context.close();
		}
	}

	/**
	 * 20 clients that never read and 100 that do, on one topic of large events: the readers lose
	 * nothing and keep pace, since no thread ever waits for a stalled client's socket.
	 */
	@Test
	void stalledClientsDoNotStarveTheReaders() throws Exception {
		fanOut(0); // warm-up: the first round pays for class loading and JIT, which is not what is compared
		long[] unstalled = fanOut(0);
		long[] stalled = fanOut(20);
		long p99Unstalled = percentile(unstalled, 0.99);
		long p99Stalled = percentile(stalled, 0.99);
		System.out.printf("%s fan-out, 100 readers x %d events of %d KB: p50/p99 %.1f/%.1f ms unstalled, "
				+ "%.1f/%.1f ms with 20 stalled clients (p99 ratio %.2f)%n", getClass().getSimpleName(), LOAD_EVENTS,
				LOAD_EVENT_BYTES / 1024, percentile(unstalled, 0.5) / 1e6, p99Unstalled / 1e6,
				percentile(stalled, 0.5) / 1e6, p99Stalled / 1e6, (double) p99Stalled / p99Unstalled);
		assertThat(stalled).hasSize(100 * LOAD_EVENTS);
	}

	private static final int LOAD_EVENTS = 50;

	private static final int LOAD_EVENT_BYTES = 8 * 1024;

	/** Latencies of every event at every reader; fails unless each reader got every event. */
	private long[] fanOut(int stalledClients) throws Exception {
		// Raw sockets on purpose: stalled clients never read and leave with a TCP reset; readers scan bytes to time arrival.
		DatastarBroadcaster hub = broadcaster();
		List<RawSseConnection> stalled = new ArrayList<>();
		List<LoadReader> readers = new ArrayList<>();
		try {
			for (int i = 0; i < stalledClients; i++) {
				stalled.add(RawSseConnection.open(this.port, "/load", 4096));
			}
			for (int i = 0; i < 100; i++) {
				readers.add(new LoadReader(this.port, "/load", LOAD_EVENTS));
			}
			await().atMost(Duration.ofSeconds(30)).until(() -> hub.subscriberCount("load") == 100 + stalledClients);
			String padding = "x".repeat(LOAD_EVENT_BYTES);
			for (int i = 0; i < LOAD_EVENTS; i++) {
				hub.publish("load", DatastarEvents.patchElements(
						"<div id=\"load\" data-t=\"" + System.nanoTime() + "\">" + padding + "</div>"));
				Thread.sleep(20); // pacing the publisher, not synchronisation
			}
			await().atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> assertThat(readers.stream().mapToInt(LoadReader::received).toArray())
					.as("events received by each reader").containsOnly(LOAD_EVENTS));
			return readers.stream().flatMapToLong((r) -> Arrays.stream(r.latencies())).toArray();
		}
		finally {
			for (LoadReader reader : readers) {
				reader.close();
			}
			for (RawSseConnection connection : stalled) {
				connection.closeAbruptly();
			}
			await().atMost(Duration.ofSeconds(30)).until(() -> hub.subscriberCount("load") == 0);
		}
	}

	private static long percentile(long[] values, double p) {
		long[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
	}

	/**
	 * 5,000 clients that connect, get their first event and vanish (a reset, no goodbye): every
	 * stream closes, the server's socket descriptors and heap after GC return to within 5% of their
	 * level before, and nothing is logged at WARN or above.
	 */
	@Test
	void abruptlyClosedStreamsReleaseTheirSocketsAndMemory(CapturedOutput output) throws Exception {
		churn(1000); // warm-up: pools and caches filled at this concurrency, classes, JIT
		long fdsBefore = settledDescriptors();
		long heapBefore = heapAfterGc();
		churn(5000);
		await().atMost(Duration.ofSeconds(30)).until(() -> openStreams() == 0);
		await().atMost(Duration.ofSeconds(30)).until(() -> openDescriptors() <= fdsBefore * 1.05);
		long heapAfter = heapAfterGc();
		System.out.printf("%s after 5,000 abrupt closes: descriptors %d -> %d, heap after GC %.1f -> %.1f MB%n",
				getClass().getSimpleName(), fdsBefore, openDescriptors(), heapBefore / 1e6, heapAfter / 1e6);
		assertThat(heapAfter).as("heap after GC, bytes, against %d before", heapBefore)
			.isLessThanOrEqualTo((long) (heapBefore * 1.05));
		// Clients that leave are not worth a WARN: one line each would let any client flood the log.
		assertQuiet(output, 0);
	}

	private void churn(int clients) throws Exception {
		// Raw sockets on purpose: each client leaves with a TCP reset (SO_LINGER 0), as a crashed browser does.
		for (int batch = 0; batch < clients; batch += 250) {
			List<RawSseConnection> open = new ArrayList<>();
			for (int i = 0; i < 250; i++) {
				open.add(RawSseConnection.open(this.port, "/param"));
			}
			for (RawSseConnection connection : open) {
				connection.await("signals {\"hello\":1}");
			}
			for (RawSseConnection connection : open) {
				connection.closeAbruptly();
			}
			reset();
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> openStreams() == 0);
	}

	/** The descriptor count once it has stopped falling (closed connections are released). */
	private static long settledDescriptors() throws InterruptedException {
		long previous = Long.MAX_VALUE;
		long now = openDescriptors();
		while (now < previous) {
			Thread.sleep(500); // sampling a count that falls, not synchronisation
			previous = now;
			now = openDescriptors();
		}
		return now;
	}

	private static long openDescriptors() {
		String[] fds = new java.io.File("/proc/self/fd").list();
		return (fds != null) ? fds.length : 0;
	}

	private static long heapAfterGc() throws InterruptedException {
		java.lang.management.MemoryMXBean memory = java.lang.management.ManagementFactory.getMemoryMXBean();
		long least = Long.MAX_VALUE;
		for (int i = 0; i < 5; i++) {
			System.gc();
			Thread.sleep(100); // letting reference processing finish, not synchronisation
			least = Math.min(least, memory.getHeapMemoryUsage().getUsed());
		}
		return least;
	}

	@Autowired
	private ApplicationContext applicationContext;

	private DatastarBroadcaster broadcaster() {
		return this.applicationContext.getBean(DatastarBroadcaster.class);
	}

	private int openStreams() {
		return this.applicationContext.getBean(StreamSupport.class).openStreams();
	}

	/** The application of this stack, for a test that starts and stops its own. */
	protected abstract Class<?> application();

	/** Arguments for an application this suite starts itself (as on a command line). */
	protected String[] applicationArguments() {
		return new String[0];
	}

	/** {@code servlet} or {@code reactive}. */
	protected abstract String webApplicationType();

	private static void assertQuiet(CapturedOutput output, int mark) {
		// Nothing at WARN or ERROR. Tomcat sometimes notes at INFO, with a stack trace, that it
		// recycled the aborted request itself ("Encountered a non-recycled request"): its own
		// bookkeeping after CLOSE_NOW from a non-container thread, harmless, not yet avoided.
		String logged = output.getAll().substring(mark);
		assertThat(logged).doesNotContain(" WARN ").doesNotContain(" ERROR ");
	}

}
