package io.github.datastarspring.mvc;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The {@code datastar.sse.*} properties on a real server, and HTTP/2 (h2c). */
@SpringBootTest(classes = DatastarEmitterSettingsServerTests.App.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "datastar.sse.timeout=700ms", "datastar.sse.heartbeat=100ms", "server.http2.enabled=true" })
@ExtendWith(OutputCaptureExtension.class)
class DatastarEmitterSettingsServerTests {

	static final AtomicInteger closed = new AtomicInteger();

	@LocalServerPort
	int port;

	@Test
	void theConfiguredTimeoutEndsTheStreamAndHeartbeatsKeepItAlive() throws Exception {
		closed.set(0);
		long start = System.nanoTime();
		try (LiveEventStream client = LiveEventStream.connect("http://localhost:" + this.port + "/stream").open()) {
			assertThat(client.awaitEnd()).isEqualTo(LiveEventStream.Ending.COMPLETED);
			String all = client.body();
			assertThat(all).startsWith("event: datastar-patch-signals\ndata: signals {\"hello\":true}\n\n");
			// Heartbeats are SSE comments, ignored by the browser.
			assertThat(all).contains(":\n\n");
		}
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(600));
		await().atMost(Duration.ofSeconds(5)).until(() -> closed.get() == 1);
	}

	@Test
	void heartbeatsFindAClientThatLeftWithoutTheApplicationWriting(CapturedOutput output) throws Exception {
		closed.set(0);
		LiveEventStream client = LiveEventStream.connect("http://localhost:" + this.port + "/forever").open();
		assertThat(client.nextEvent().toString()).contains("hello");
		int mark = output.getAll().length();
		client.close();
		await().atMost(Duration.ofSeconds(10)).until(() -> closed.get() == 1);
		String logged = output.getAll().substring(mark);
		assertThat(logged).doesNotContain("WARN").doesNotContain("ERROR").doesNotContain("Exception");
	}

	@Test
	void noConnectionHeaderOnHttp2() throws Exception {
		HttpClient http2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/once")).build();
		// h2c: the first request upgrades the connection, the second one is HTTP/2 throughout.
		http2.send(request, HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> response = http2.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream");
		assertThat(response.headers().firstValue("Connection")).isEmpty();
		assertThat(response.body()).isEqualTo("event: datastar-patch-signals\ndata: signals {\"h2\":true}\n\n");
		// What the starter set, before the container's HTTP/2 codec could strip it.
		HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(ConnectionHeaderRecorder.set).containsExactly("HTTP/2.0 none", "HTTP/2.0 none", "HTTP/1.1 keep-alive");
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import({ SettingsController.class, ConnectionHeaderRecorder.class })
	static class App {

	}

	/** Records the {@code Connection} header each {@code /once} response was given by the application. */
	static class ConnectionHeaderRecorder extends org.springframework.web.filter.OncePerRequestFilter {

		static final java.util.List<String> set = new java.util.concurrent.CopyOnWriteArrayList<>();

		@Override
		protected void doFilterInternal(jakarta.servlet.http.HttpServletRequest request,
				jakarta.servlet.http.HttpServletResponse response, jakarta.servlet.FilterChain chain)
				throws jakarta.servlet.ServletException, java.io.IOException {
			if (!request.getRequestURI().equals("/once")) {
				chain.doFilter(request, response);
				return;
			}
			java.util.concurrent.atomic.AtomicReference<String> connection = new java.util.concurrent.atomic.AtomicReference<>("none");
			chain.doFilter(request, new jakarta.servlet.http.HttpServletResponseWrapper(response) {

				@Override
				public void setHeader(String name, String value) {
					record(name, value);
					super.setHeader(name, value);
				}

				@Override
				public void addHeader(String name, String value) {
					record(name, value);
					super.addHeader(name, value);
				}

				private void record(String name, String value) {
					if ("Connection".equalsIgnoreCase(name)) {
						connection.set(value);
					}
				}

			});
			set.add(request.getProtocol() + " " + connection.get());
		}

	}

	@RestController
	static class SettingsController {

		@GetMapping("/stream")
		DatastarEmitter stream() {
			DatastarEmitter emitter = new DatastarEmitter();
			emitter.onClose(closed::incrementAndGet);
			emitter.patchSignals(Map.of("hello", true));
			return emitter;
		}

		@GetMapping("/forever")
		DatastarEmitter forever() {
			DatastarEmitter emitter = new DatastarEmitter(Duration.ZERO);
			emitter.onClose(closed::incrementAndGet);
			emitter.patchSignals(Map.of("hello", true));
			return emitter;
		}

		@GetMapping("/once")
		DatastarResponse once() {
			return DatastarResponse.of(DatastarEvents.patchSignals(Map.of("h2", true)));
		}

	}

}
