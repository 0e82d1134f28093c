package io.github.datastarspring.core.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;

import io.github.datastarspring.GzipTestCompression;
import io.github.datastarspring.core.DatastarEventEncoder;
import io.github.datastarspring.core.DatastarEvents;
import io.github.datastarspring.core.StreamObserver;
import io.github.datastarspring.core.TemplateRenderer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * The one stream, with an in-memory transport whose client can stop reading: queueing, ordering,
 * states, callbacks, heartbeats, timeouts, shutdown and compression, the same for both stacks.
 */
class StreamEngineTests {

	private final DatastarEventEncoder encoder = new DatastarEventEncoder();

	private final List<StreamSupport> supports = new ArrayList<>();

	@AfterEach
	void close() {
		this.supports.forEach(StreamSupport::close);
	}

	private StreamSupport support(int queueSize, @Nullable Duration heartbeat, @Nullable Duration timeout) {
		return support(queueSize, heartbeat, timeout, null, null, StreamObserver.NONE);
	}

	private StreamSupport support(int queueSize, @Nullable Duration heartbeat, @Nullable Duration timeout,
			@Nullable TemplateRenderer renderer, @Nullable GzipTestCompression compression, StreamObserver observer) {
		StreamSupport support = new StreamSupport(this.encoder,
				new StreamSupport.Settings(queueSize, heartbeat, timeout), () -> renderer, () -> compression, observer);
		this.supports.add(support);
		return support;
	}

	@Test
	void eventsSentBeforeTheStreamOpensAreWrittenInOrderWhenItOpens() throws Exception {
		StreamEngine stream = new StreamEngine(null, 0, null);
		assertThat(stream.send(DatastarEvents.patchElements("<div id=\"a\"></div>"))).isTrue();
		assertThat(stream.send(DatastarEvents.patchSignals(Map.of("n", 1)))).isTrue();
		stream.complete();
		assertThat(stream.send(DatastarEvents.executeScript("x()"))).isFalse();
		MemoryTransport transport = new MemoryTransport();
		stream.attach(support(4, null, null), transport);
		transport.awaitEnd();
		assertThat(transport.text()).isEqualTo("""
				event: datastar-patch-elements
				data: elements <div id="a"></div>

				event: datastar-patch-signals
				data: signals {"n":1}

				""");
		assertThat(transport.ends).hasValue(1);
		assertThat(transport.aborts).hasValue(0);
		assertThat(stream.isOpen()).isFalse();
	}

	@Test
	void nothingIsWrittenOnTheSendingThread() throws Exception {
		StreamEngine stream = new StreamEngine(null, 0, null);
		MemoryTransport transport = new MemoryTransport();
		stream.attach(support(64, null, null), transport);
		for (int i = 0; i < 20; i++) {
			stream.send(DatastarEvents.patchSignals(Map.of("n", i)));
		}
		stream.complete();
		transport.awaitEnd();
		assertThat(transport.writerThreads).doesNotContain(Thread.currentThread().getName())
			.allSatisfy((name) -> assertThat(name).startsWith("datastar-sse-writer-"));
	}

	@Test
	void abortDiscardsTheQueueAndAbortsTheConnectionOnce() throws Exception {
		StreamEngine stream = new StreamEngine(null, 0, null);
		AtomicInteger closes = new AtomicInteger();
		stream.onClose(closes::incrementAndGet);
		MemoryTransport transport = new MemoryTransport();
		transport.ready = false;
		stream.attach(support(4, null, null), transport);
		stream.send(DatastarEvents.patchSignals(Map.of("n", 1)));
		stream.abort();
		stream.abort();
		stream.complete();
		assertThat(stream.isOpen()).isFalse();
		assertThat(stream.send(DatastarEvents.patchSignals(Map.of("n", 2)))).isFalse();
		transport.awaitEnd();
		assertThat(transport.aborts).hasValue(1);
		assertThat(transport.ends).hasValue(0);
		assertThat(transport.text()).isEmpty();
		assertThat(closes).hasValue(1);
	}

	@Test
	void abortBeforeTheStreamOpensAbortsTheConnectionOnceItDoes() throws Exception {
		StreamEngine stream = new StreamEngine(null, 0, null);
		stream.send(DatastarEvents.patchSignals(Map.of("n", 1)));
		AtomicInteger closes = new AtomicInteger();
		stream.onClose(closes::incrementAndGet);
		stream.abort();
		assertThat(closes).hasValue(1);
		MemoryTransport transport = new MemoryTransport();
		StreamSupport support = support(4, null, null);
		stream.attach(support, transport);
		transport.awaitEnd();
		assertThat(transport.aborts).hasValue(1);
		assertThat(transport.text()).isEmpty();
		assertThat(support.openStreams()).isZero();
	}

	@Test
	void aClientThatStopsReadingCostsItsQueueThenSendsAreRefused() throws Exception {
		StreamEngine stream = new StreamEngine(null, 0, null);
		MemoryTransport transport = new MemoryTransport();
		transport.ready = false;
		stream.attach(support(4, null, null), transport);
		for (int i = 0; i < 4; i++) {
			assertThat(stream.send(DatastarEvents.patchSignals("{\"n\":" + i + "}"))).isTrue();
		}
		assertThat(stream.send(DatastarEvents.patchSignals("{\"n\":4}"))).isFalse();
		assertThat(stream.queuedEvents()).isEqualTo(4);
		assertThat(stream.offerReplacingQueued(this.encoder.encode(DatastarEvents.patchSignals("{\"n\":9}")))).isTrue();
		stream.complete();
		transport.becomeReady();
		transport.awaitEnd();
		assertThat(transport.text()).isEqualTo("event: datastar-patch-signals\ndata: signals {\"n\":9}\n\n");
	}

	@Test
	void aWriteFailureClosesTheStreamAndRunsEachCallbackOnceEvenWhenOneThrows() throws Exception {
		StreamEngine stream = new StreamEngine(null, 0, null);
		AtomicInteger first = new AtomicInteger();
		AtomicInteger last = new AtomicInteger();
		stream.onClose(first::incrementAndGet);
		stream.onClose(() -> {
			throw new IllegalStateException("callback fails");
		});
		stream.onClose(last::incrementAndGet);
		MemoryTransport transport = new MemoryTransport();
		transport.failWrites = true;
		stream.attach(support(4, null, null), transport);
		stream.send(DatastarEvents.patchElements("<p id=\"p\"></p>"));
		transport.awaitEnd();
		assertThat(stream.isOpen()).isFalse();
		assertThat(stream.send(DatastarEvents.patchElements("<p id=\"p\"></p>"))).isFalse();
		stream.complete();
		stream.abort();
		assertThat(first).hasValue(1);
		assertThat(last).hasValue(1);
		// The connection is gone: the response is ended, so that the container frees the request.
		assertThat(transport.ends).hasValue(1);
		AtomicInteger late = new AtomicInteger();
		stream.onClose(late::incrementAndGet);
		assertThat(late).hasValue(1);
	}

	@Test
	void theContainerReportingTheEndClosesTheStream() throws Exception {
		StreamEngine stream = new StreamEngine(null, 0, null);
		AtomicInteger closes = new AtomicInteger();
		stream.onClose(closes::incrementAndGet);
		MemoryTransport transport = new MemoryTransport();
		StreamSupport support = support(4, null, null);
		stream.attach(support, transport);
		assertThat(support.openStreams()).isEqualTo(1);
		transport.events.closed();
		assertThat(stream.isOpen()).isFalse();
		assertThat(closes).hasValue(1);
		assertThat(support.openStreams()).isZero();
	}

	@Test
	void shutdownWritesWhatIsQueuedThenAbortsSoThatTheClientRetries() throws Exception {
		StreamEngine stream = new StreamEngine(null, 0, null);
		MemoryTransport transport = new MemoryTransport();
		StreamSupport support = support(8, null, null);
		stream.attach(support, transport);
		transport.ready = false;
		stream.send(DatastarEvents.patchSignals("{\"n\":1}"));
		support.shutdownStreams();
		transport.becomeReady();
		transport.awaitEnd();
		assertThat(transport.text()).isEqualTo("event: datastar-patch-signals\ndata: signals {\"n\":1}\n\n");
		assertThat(transport.aborts).hasValue(1);
		assertThat(transport.ends).hasValue(0);
		assertThat(support.openStreams()).isZero();
	}

	@Test
	void patchTemplateWithoutARendererFailsClearly() {
		StreamEngine stream = new StreamEngine(null, 0, null);
		stream.attach(support(4, null, null), new MemoryTransport());
		assertThatIllegalStateException().isThrownBy(() -> stream.patchTemplate("todos :: list", Map.of()))
			.withMessageContaining("TemplateRenderer");
	}

	@Test
	void aTemplateThatFailsBeforeTheStreamOpensFailsTheOpeningAndClosesTheStream() {
		StreamEngine stream = new StreamEngine(null, 0, null);
		AtomicInteger closes = new AtomicInteger();
		stream.onClose(closes::incrementAndGet);
		stream.patchTemplate("todos :: list", Map.of());
		MemoryTransport transport = new MemoryTransport();
		assertThatIllegalStateException().isThrownBy(() -> stream.attach(support(4, null, null), transport))
			.withMessageContaining("TemplateRenderer");
		assertThat(stream.isOpen()).isFalse();
		assertThat(closes).hasValue(1);
		assertThat(transport.text()).isEmpty();
	}

	@Test
	void patchTemplateUsesTheRendererEvenBeforeTheStreamOpens() throws Exception {
		StreamEngine stream = new StreamEngine(null, 0, null);
		stream.patchTemplate("list", Map.of("n", 1));
		MemoryTransport transport = new MemoryTransport();
		stream.attach(support(16, null, null, (t, m) -> "<ul id=\"" + t + "\">" + m.get("n") + "</ul>", null,
				StreamObserver.NONE), transport);
		stream.patchTemplate("list", Map.of("n", 2));
		stream.complete();
		transport.awaitEnd();
		assertThat(transport.text()).isEqualTo("event: datastar-patch-elements\ndata: elements <ul id=\"list\">1</ul>\n\n"
				+ "event: datastar-patch-elements\ndata: elements <ul id=\"list\">2</ul>\n\n");
	}

	@Test
	void sendsBeforeOpeningAreBoundedByTheSettingsKnownAtCreation() {
		StreamEngine known = new StreamEngine(null, 0, support(2, null, null));
		assertThat(known.send(DatastarEvents.patchSignals("{}"))).isTrue();
		assertThat(known.send(DatastarEvents.patchSignals("{}"))).isTrue();
		assertThat(known.send(DatastarEvents.patchSignals("{}"))).isFalse();
		StreamEngine explicit = new StreamEngine(null, 1, support(8, null, null));
		assertThat(explicit.send(DatastarEvents.patchSignals("{}"))).isTrue();
		assertThat(explicit.send(DatastarEvents.patchSignals("{}"))).isFalse();
	}

	@Test
	void anIdleStreamGetsOneHeartbeatCommentPerInterval() throws Exception {
		StreamEngine stream = new StreamEngine(null, 0, null);
		MemoryTransport transport = new MemoryTransport();
		stream.attach(support(4, Duration.ofMillis(30), null), transport);
		await().atMost(Duration.ofSeconds(5)).until(() -> transport.text().startsWith(":\n\n:\n\n"));
		assertThat(transport.text()).matches("(:\n\n)+");
		assertThat(stream.isOpen()).isTrue();
	}

	@Test
	void aClientWhoseQueueStaysFullForTwoHeartbeatIntervalsIsAborted() throws Exception {
		AtomicInteger stalled = new AtomicInteger();
		StreamObserver observer = new StreamObserver() {
			@Override
			public void streamStalled() {
				stalled.incrementAndGet();
			}
		};
		StreamEngine stream = new StreamEngine(null, 0, null);
		MemoryTransport transport = new MemoryTransport();
		transport.ready = false;
		stream.attach(support(4, Duration.ofMillis(30), null, null, null, observer), transport);
		for (int i = 0; i < 4; i++) {
			stream.send(DatastarEvents.patchSignals("{}"));
		}
		transport.awaitEnd();
		assertThat(transport.aborts).hasValue(1);
		assertThat(stalled).hasValue(1);
	}

	@Test
	void theTimeoutOfTheConstructorWinsOverTheSettings() throws Exception {
		StreamEngine stream = new StreamEngine(Duration.ofMillis(50), 0, null);
		MemoryTransport transport = new MemoryTransport();
		stream.attach(support(4, null, Duration.ofHours(1)), transport);
		transport.awaitEnd();
		assertThat(transport.ends).hasValue(1);
		StreamEngine configured = new StreamEngine(null, 0, null);
		MemoryTransport other = new MemoryTransport();
		configured.attach(support(4, null, Duration.ofMillis(50)), other);
		other.awaitEnd();
		StreamEngine none = new StreamEngine(Duration.ZERO, 0, null);
		MemoryTransport endless = new MemoryTransport();
		none.attach(support(4, null, Duration.ofMillis(1)), endless);
		assertThat(endless.ended.await(200, TimeUnit.MILLISECONDS)).isFalse();
	}

	@Test
	void concurrentSendersNeverInterleaveOrLoseEvents() throws Exception {
		StreamEngine stream = new StreamEngine(null, 0, null);
		MemoryTransport transport = new MemoryTransport();
		stream.attach(support(10_000, null, null), transport);
		int threads = 4;
		int each = 500;
		CountDownLatch start = new CountDownLatch(1);
		List<Thread> senders = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			int id = t;
			Thread sender = new Thread(() -> {
				try {
					start.await();
				}
				catch (InterruptedException ex) {
					return;
				}
				for (int i = 0; i < each; i++) {
					stream.send(DatastarEvents.patchElements("<p id=\"t" + id + "\">" + i + "</p>\n<i>" + i + "</i>"));
				}
			});
			sender.start();
			senders.add(sender);
		}
		start.countDown();
		for (Thread sender : senders) {
			sender.join();
		}
		stream.complete();
		transport.awaitEnd();
		// Raw on purpose: the exact bytes show any event torn or interleaved by concurrent senders.
		String[] events = transport.text().split("\n\n");
		assertThat(events).hasSize(threads * each);
		for (String event : events) {
			assertThat(event).matches("event: datastar-patch-elements\ndata: elements <p id=\"t\\d\">(\\d+)</p>\n"
					+ "data: elements <i>\\d+</i>");
		}
	}

	@Test
	void everyChunkIsCompressedAndDecodesOnArrivalAndTheCompressorIsClosedAtTheEnd() throws Exception {
		GzipTestCompression gzip = new GzipTestCompression();
		StreamEngine stream = new StreamEngine(null, 0, null);
		MemoryTransport transport = new MemoryTransport();
		transport.acceptEncoding = "gzip, br";
		stream.attach(support(8, Duration.ofMillis(20), null, null, gzip, StreamObserver.NONE), transport);
		assertThat(transport.contentEncoding).isEqualTo("gzip");
		stream.send(DatastarEvents.patchSignals("{\"n\":1}"));
		// The chunk the event starts in also ends it: the client need not wait for more. (A heartbeat
		// may come first on a slow machine, in its own chunk or in the same one.)
		String event = "event: datastar-patch-signals\ndata: signals {\"n\":1}\n\n";
		await().atMost(Duration.ofSeconds(5)).until(() -> gunzipPrefix(transport.chunks).contains("event: "));
		List<byte[]> upToTheEvent = new ArrayList<>();
		synchronized (transport.chunks) {
			for (byte[] chunk : transport.chunks) {
				upToTheEvent.add(chunk);
				if (gunzipPrefix(upToTheEvent).contains("event: ")) {
					break;
				}
			}
		}
		assertThat(gunzipPrefix(upToTheEvent)).endsWith(event);
		await().atMost(Duration.ofSeconds(5)).until(() -> gunzipPrefix(transport.chunks).contains(":\n\n"));
		stream.complete();
		transport.awaitEnd();
		assertThat(gzip.closed).hasValue(1);
	}

	@Test
	void compressionCanBeTurnedOffPerStreamBeforeItOpens() {
		GzipTestCompression gzip = new GzipTestCompression();
		StreamEngine stream = new StreamEngine(null, 0, null);
		stream.disableCompression();
		MemoryTransport transport = new MemoryTransport();
		transport.acceptEncoding = "gzip";
		stream.attach(support(8, null, null, null, gzip, StreamObserver.NONE), transport);
		assertThat(transport.contentEncoding).isNull();
		assertThatIllegalStateException().isThrownBy(stream::disableCompression);
	}

	@Test
	void openedOnlyOnce() {
		StreamEngine stream = new StreamEngine(null, 0, null);
		StreamSupport support = support(4, null, null);
		stream.attach(support, new MemoryTransport());
		assertThatIllegalStateException().isThrownBy(() -> stream.attach(support, new MemoryTransport()));
	}

	private static String gunzipPrefix(List<byte[]> chunks) throws IOException {
		List<InputStream> parts = new ArrayList<>();
		synchronized (chunks) {
			for (byte[] chunk : chunks) {
				parts.add(new ByteArrayInputStream(chunk));
			}
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (InputStream in = new GZIPInputStream(new SequenceInputStream(Collections.enumeration(parts)))) {
			byte[] buffer = new byte[1024];
			int n;
			while ((n = in.read(buffer)) > 0) {
				out.write(buffer, 0, n);
			}
		}
		catch (java.io.EOFException ex) {
			// No trailer yet: everything flushed so far was read.
		}
		return out.toString(StandardCharsets.UTF_8);
	}

	/** A connection in memory; {@link #ready} false plays a client that stopped reading. */
	static class MemoryTransport implements StreamTransport {

		final List<byte[]> chunks = Collections.synchronizedList(new ArrayList<>());

		final Set<String> writerThreads = ConcurrentHashMap.newKeySet();

		final CountDownLatch ended = new CountDownLatch(1);

		final AtomicInteger ends = new AtomicInteger();

		final AtomicInteger aborts = new AtomicInteger();

		volatile boolean ready = true;

		volatile boolean failWrites;

		volatile @Nullable String acceptEncoding;

		volatile @Nullable String contentEncoding;

		volatile Events events;

		@Override
		public void start(Events events) {
			this.events = events;
		}

		@Override
		public @Nullable String acceptEncoding() {
			return this.acceptEncoding;
		}

		@Override
		public void contentEncoding(String token) {
			this.contentEncoding = token;
		}

		@Override
		public boolean isReady() {
			return this.ready;
		}

		@Override
		public void write(byte[] chunk) throws IOException {
			if (this.failWrites) {
				throw new IOException("Broken pipe");
			}
			this.writerThreads.add(Thread.currentThread().getName());
			this.chunks.add(chunk);
		}

		@Override
		public void end() {
			this.ends.incrementAndGet();
			this.ended.countDown();
		}

		@Override
		public void abort() {
			this.aborts.incrementAndGet();
			this.ended.countDown();
		}

		void becomeReady() {
			this.ready = true;
			this.events.writePossible();
		}

		void awaitEnd() throws InterruptedException {
			assertThat(this.ended.await(5, TimeUnit.SECONDS)).as("stream ended").isTrue();
		}

		String text() {
			StringBuilder text = new StringBuilder();
			synchronized (this.chunks) {
				for (byte[] chunk : this.chunks) {
					text.append(new String(chunk, StandardCharsets.UTF_8));
				}
			}
			return text.toString();
		}

	}

}
