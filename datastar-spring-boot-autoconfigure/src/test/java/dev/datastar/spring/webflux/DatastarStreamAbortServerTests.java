package dev.datastar.spring.webflux;

import java.io.BufferedReader;
import java.io.IOException;
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

import dev.datastar.spring.RawSseConnection;
import dev.datastar.spring.RawSseConnection.Ending;
import org.junit.jupiter.api.BeforeEach;
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
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.awaitility.Awaitility.await;

/** {@link DatastarStream#abort()} on a real Reactor Netty: the client sees a network error, not an end. */
@SpringBootTest(classes = DatastarStreamAbortServerTests.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "datastar.sse.heartbeat=0" })
@ExtendWith(OutputCaptureExtension.class)
class DatastarStreamAbortServerTests {

	@LocalServerPort
	int port;

	@BeforeEach
	void reset() {
		AbortableController.emitter = new CompletableFuture<>();
		AbortableController.closes.set(0);
	}

	@Test
	void abortClosesTheConnectionWithoutTheLastChunk(CapturedOutput output) throws Exception {
		try (RawSseConnection connection = RawSseConnection.open(this.port, "/abortable")) {
			connection.await("signals {\"hello\":1}");
			DatastarStream emitter = AbortableController.emitter.get(10, TimeUnit.SECONDS);
			int mark = output.getAll().length();
			emitter.abort();
			assertThat(emitter.isOpen()).isFalse();
			assertThat(emitter.send(dev.datastar.spring.core.DatastarEvents.patchSignals("{\"late\":1}"))).isFalse();
			assertThat(connection.readToEnd()).isEqualTo(Ending.ABORTED);
			assertThat(connection.received()).containsIgnoringCase("Transfer-Encoding: chunked").doesNotContain("late");
			assertThat(AbortableController.closes).hasValue(1);
			emitter.abort();
			emitter.complete();
			assertThat(AbortableController.closes).hasValue(1);
			assertQuiet(output, mark);
		}
	}

	@Test
	void completeStillEndsTheResponseCleanly() throws Exception {
		try (RawSseConnection connection = RawSseConnection.open(this.port, "/abortable")) {
			connection.await("signals {\"hello\":1}");
			DatastarStream emitter = AbortableController.emitter.get(10, TimeUnit.SECONDS);
			emitter.complete();
			assertThat(connection.readToEnd()).isEqualTo(Ending.COMPLETED);
			await().untilAsserted(() -> assertThat(AbortableController.closes).hasValue(1));
		}
	}

	@Test
	void anHttpClientReadingAnAbortedStreamGetsAnIoException(CapturedOutput output) throws Exception {
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		HttpResponse<InputStream> response = client.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/abortable"))
					.header("Datastar-Request", "true")
					.build(),
				HttpResponse.BodyHandlers.ofInputStream());
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
			assertThat(reader.readLine()).isEqualTo("event: datastar-patch-signals");
			int mark = output.getAll().length();
			AbortableController.emitter.get(10, TimeUnit.SECONDS).abort();
			assertThatIOException().isThrownBy(() -> {
				while (reader.readLine() != null) {
					// the rest of the first event
				}
			});
			assertThat(AbortableController.closes).hasValue(1);
			assertQuiet(output, mark);
		}
	}

	static void assertQuiet(CapturedOutput output, int mark) {
		// Let the container finish the request, then look at what it logged.
		String logged = output.getAll().substring(mark);
		assertThat(logged).doesNotContain("WARN").doesNotContain("ERROR").doesNotContain("Exception");
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(AbortableController.class)
	static class App {

	}

	@RestController
	static class AbortableController {

		static volatile CompletableFuture<DatastarStream> emitter = new CompletableFuture<>();

		static final AtomicInteger closes = new AtomicInteger();

		@GetMapping("/abortable")
		DatastarStream abortable() {
			DatastarStream emitter = new DatastarStream();
			emitter.onClose(closes::incrementAndGet);
			emitter.patchSignals("{\"hello\":1}");
			AbortableController.emitter.complete(emitter);
			return emitter;
		}

	}

}
