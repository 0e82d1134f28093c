package io.github.datastarspring.mvc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.datastarspring.core.DatastarEvent;
import io.github.datastarspring.core.DatastarEvents;
import io.github.datastarspring.core.DatastarResponse;
import io.github.datastarspring.test.LiveEventStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@link DatastarEmitter} and one-shot answers on a real Tomcat, read as the bytes arrive. */
@SpringBootTest(classes = DatastarEmitterServerTests.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "datastar.sse.send-queue-size=4096", "datastar.sse.heartbeat=0" })
@ExtendWith(OutputCaptureExtension.class)
class DatastarEmitterServerTests {

	static final int THREADS = 8;

	static final int EVENTS_PER_THREAD = 200;

	@LocalServerPort
	int port;

	String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	@Test
	void headersAreFlushedBeforeAnyEventAndTheFirstEventArrivesWhileTheHandlerIsStillRunning() throws Exception {
		StreamController.release = new CountDownLatch(1);
		try (LiveEventStream client = LiveEventStream.connect(url("/latch")).open()) {
			// open() returned: the headers are in although no event was sent yet.
			assertThat(client.status()).isEqualTo(200);
			assertThat(client.header("Content-Type")).isEqualTo("text/event-stream");
			assertThat(client.header("Cache-Control")).isEqualTo("no-cache");
			assertThat(client.header("X-Accel-Buffering")).isEqualTo("no");
			assertThat(client.header("Connection")).isEqualTo("keep-alive");
			StreamController.sendFirst.countDown();
			assertThat(client.nextEvent().toString()).isEqualTo("event: datastar-patch-signals\ndata: signals {\"step\":1}\n\n");
			// Event 2 is only sent once the test has seen event 1.
			StreamController.release.countDown();
			assertThat(client.nextEvent().toString()).isEqualTo("event: datastar-patch-signals\ndata: signals {\"step\":2}\n\n");
			assertThat(client.remainingEvents().events()).isEmpty();
			assertThat(client.ending()).isEqualTo(LiveEventStream.Ending.COMPLETED);
		}
	}

	@Test
	void concurrentSendersProduceWholeEventsInPerThreadOrder() throws Exception {
		try (LiveEventStream client = LiveEventStream.connect(url("/concurrent")).open()) {
			// The decoded body as it came, so that interleaved or torn events show.
			assertThat(client.awaitEnd(Duration.ofSeconds(30))).isEqualTo(LiveEventStream.Ending.COMPLETED);
			String body = client.body();
			Pattern event = Pattern.compile(
					"event: datastar-patch-signals\ndata: signals \\{\"t\":(\\d+),\"n\":(\\d+),\"pad\":\"x{100}\"}\n\n");
			Matcher m = event.matcher(body);
			Map<Integer, Integer> last = new HashMap<>();
			int count = 0;
			int end = 0;
			while (m.find()) {
				assertThat(m.start()).as("garbage before event %d", count).isEqualTo(end);
				end = m.end();
				int thread = Integer.parseInt(m.group(1));
				int n = Integer.parseInt(m.group(2));
				assertThat(n).as("order of thread %d", thread).isEqualTo(last.getOrDefault(thread, -1) + 1);
				last.put(thread, n);
				count++;
			}
			assertThat(end).isEqualTo(body.length());
			assertThat(count).isEqualTo(THREADS * EVENTS_PER_THREAD);
		}
	}

	@Test
	void aClientDisconnectClosesTheStreamQuietlyAndRunsOnCloseOnce(CapturedOutput output) throws Exception {
		StreamController.closed.set(0);
		StreamController.held = new CompletableFuture<>();
		LiveEventStream client = LiveEventStream.connect(url("/held")).open();
		assertThat(client.nextEvent().toString()).contains("hello");
		DatastarEmitter emitter = StreamController.held.get(5, TimeUnit.SECONDS);
		int mark = output.getAll().length();
		client.close();
		// The server finds out at its next write at the latest.
		await().atMost(Duration.ofSeconds(10)).until(() -> {
			emitter.patchSignals(Map.of("ping", true));
			return !emitter.isOpen();
		});
		await().atMost(Duration.ofSeconds(5)).until(() -> StreamController.closed.get() == 1);
		emitter.complete();
		emitter.patchSignals(Map.of("ping", true));
		assertThat(StreamController.closed.get()).isEqualTo(1);
		String logged = output.getAll().substring(mark);
		assertThat(logged).doesNotContain("WARN").doesNotContain("ERROR").doesNotContain("Exception");
	}

	@Test
	void oneShotAnswersAreShortStreams() throws Exception {
		for (String path : List.of("/once/response", "/once/list", "/once/event", "/rest/response", "/rest/list")) {
			try (LiveEventStream client = LiveEventStream.connect(url(path)).open()) {
				assertThat(client.status()).as(path).isEqualTo(200);
				assertThat(client.header("Content-Type")).as(path).isEqualTo("text/event-stream");
				assertThat(client.header("Cache-Control")).isEqualTo("no-cache");
				assertThat(client.header("X-Accel-Buffering")).isEqualTo("no");
				assertThat(client.nextEvent().toString()).as(path).isEqualTo("event: datastar-patch-elements\ndata: elements <p id=\"a\">A</p>\n\n");
				if (!path.endsWith("event")) {
					assertThat(client.nextEvent().toString()).as(path)
						.isEqualTo("event: datastar-patch-signals\ndata: signals {\"saved\":true}\n\n");
				}
				assertThat(client.remainingEvents().events()).as(path).isEmpty();
				assertThat(client.ending()).as(path).isEqualTo(LiveEventStream.Ending.COMPLETED);
			}
		}
	}

	@Test
	void aRestControllerCanReturnAnEmitter() throws Exception {
		try (LiveEventStream client = LiveEventStream.connect(url("/rest/emitter")).open()) {
			assertThat(client.header("Content-Type")).isEqualTo("text/event-stream");
			assertThat(client.nextEvent().toString()).isEqualTo("event: datastar-patch-elements\ndata: selector #x\ndata: mode remove\n\n");
			assertThat(client.remainingEvents().events()).isEmpty();
			assertThat(client.ending()).isEqualTo(LiveEventStream.Ending.COMPLETED);
		}
	}

	@Test
	void aVoidMethodCanTakeTheEmitterAsAParameter() throws Exception {
		for (String path : List.of("/param", "/rest/param")) {
			try (LiveEventStream client = LiveEventStream.connect(url(path)).open()) {
				assertThat(client.header("Content-Type")).as(path).isEqualTo("text/event-stream");
				assertThat(client.nextEvent().toString()).as(path).isEqualTo("event: datastar-patch-signals\ndata: signals {\"early\":1}\n\n");
				assertThat(client.nextEvent().toString()).as(path).isEqualTo("event: datastar-patch-signals\ndata: signals {\"late\":2}\n\n");
				assertThat(client.remainingEvents().events()).as(path).isEmpty();
				assertThat(client.ending()).as(path).isEqualTo(LiveEventStream.Ending.COMPLETED);
			}
		}
	}

	@Test
	void anEmitterTimeoutEndsTheStream() throws Exception {
		StreamController.closed.set(0);
		try (LiveEventStream client = LiveEventStream.connect(url("/timeout?millis=300")).open()) {
			assertThat(client.nextEvent().toString()).contains("hello");
			assertThat(client.remainingEvents().events()).isEmpty();
			assertThat(client.ending()).isEqualTo(LiveEventStream.Ending.COMPLETED);
		}
		await().atMost(Duration.ofSeconds(5)).until(() -> StreamController.closed.get() == 1);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import({ StreamController.class, OnceController.class, RestOnceController.class })
	static class App {

	}

	@Controller
	static class StreamController {

		static final CountDownLatch sendFirst = new CountDownLatch(1);

		static volatile CountDownLatch release;

		static volatile CompletableFuture<DatastarEmitter> held;

		static final AtomicInteger closed = new AtomicInteger();

		@GetMapping("/latch")
		DatastarEmitter latch() {
			DatastarEmitter emitter = new DatastarEmitter();
			CountDownLatch release = StreamController.release;
			new Thread(() -> {
				try {
					sendFirst.await(10, TimeUnit.SECONDS);
					emitter.patchSignals(Map.of("step", 1));
					if (release.await(10, TimeUnit.SECONDS)) {
						emitter.patchSignals(Map.of("step", 2));
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				emitter.complete();
			}).start();
			return emitter;
		}

		@GetMapping("/concurrent")
		DatastarEmitter concurrent() {
			DatastarEmitter emitter = new DatastarEmitter();
			CountDownLatch start = new CountDownLatch(1);
			CountDownLatch done = new CountDownLatch(THREADS);
			for (int t = 0; t < THREADS; t++) {
				int thread = t;
				new Thread(() -> {
					try {
						start.await();
						for (int n = 0; n < EVENTS_PER_THREAD; n++) {
							Map<String, Object> signals = new java.util.LinkedHashMap<>();
							signals.put("t", thread);
							signals.put("n", n);
							signals.put("pad", "x".repeat(100));
							if (!emitter.patchSignals(signals)) {
								throw new IllegalStateException("queue full");
							}
						}
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
					finally {
						done.countDown();
					}
				}).start();
			}
			new Thread(() -> {
				start.countDown();
				try {
					done.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				emitter.complete();
			}).start();
			return emitter;
		}

		@GetMapping("/held")
		DatastarEmitter held() {
			DatastarEmitter emitter = new DatastarEmitter();
			emitter.onClose(closed::incrementAndGet);
			emitter.patchSignals(Map.of("hello", true));
			held.complete(emitter);
			return emitter;
		}

		@GetMapping("/param")
		void param(DatastarEmitter emitter) {
			emitter.patchSignals(Map.of("early", 1));
			new Thread(() -> {
				emitter.patchSignals(Map.of("late", 2));
				emitter.complete();
			}).start();
		}

		@GetMapping("/timeout")
		DatastarEmitter timeout(@RequestParam long millis) {
			DatastarEmitter emitter = new DatastarEmitter(Duration.ofMillis(millis));
			emitter.onClose(closed::incrementAndGet);
			emitter.patchSignals(Map.of("hello", true));
			return emitter;
		}

	}

	@Controller
	static class OnceController {

		@GetMapping("/once/response")
		DatastarResponse response() {
			return DatastarResponse.of(DatastarEvents.patchElements("<p id=\"a\">A</p>"),
					DatastarEvents.patchSignals(Map.of("saved", true)));
		}

		@GetMapping("/once/list")
		List<DatastarEvent> list() {
			List<DatastarEvent> events = new ArrayList<>();
			events.add(DatastarEvents.patchElements("<p id=\"a\">A</p>"));
			events.add(DatastarEvents.patchSignals(Map.of("saved", true)));
			return events;
		}

		@GetMapping("/once/event")
		DatastarEvent event() {
			return DatastarEvents.patchElements("<p id=\"a\">A</p>");
		}

	}

	@RestController
	static class RestOnceController {

		@GetMapping("/rest/response")
		DatastarResponse response() {
			return DatastarResponse.builder().patchElements("<p id=\"a\">A</p>").patchSignals(Map.of("saved", true)).build();
		}

		@GetMapping("/rest/list")
		List<DatastarEvent> list() {
			return List.of(DatastarEvents.patchElements("<p id=\"a\">A</p>"),
					DatastarEvents.patchSignals(Map.of("saved", true)));
		}

		@GetMapping("/rest/param")
		void param(DatastarEmitter emitter) {
			emitter.patchSignals(Map.of("early", 1));
			emitter.patchSignals(Map.of("late", 2));
			emitter.complete();
		}

		@GetMapping("/rest/emitter")
		DatastarEmitter emitter() {
			DatastarEmitter emitter = new DatastarEmitter();
			emitter.removeElements("#x");
			emitter.complete();
			return emitter;
		}

	}

}
