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

import io.github.datastarspring.RawSseConnection.Ending;
import io.github.datastarspring.core.DatastarEventSender;
import io.github.datastarspring.core.DatastarEvents;
import io.github.datastarspring.core.DatastarSink;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.awaitility.Awaitility.await;

/**
 * {@code abort()} on a real server of each stack: the client sees a network error, not an end, so
 * the Datastar client retries. Subclasses serve {@code GET /abortable} returning {@link #opened}.
 */
@ExtendWith(OutputCaptureExtension.class)
public abstract class AbstractAbortServerTests {

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
	void reset() {
		stream = new CompletableFuture<>();
		closes.set(0);
	}

	@Test
	void abortClosesTheConnectionWithoutTheLastChunk(CapturedOutput output) throws Exception {
		try (RawSseConnection connection = RawSseConnection.open(this.port, "/abortable")) {
			connection.await("signals {\"hello\":1}");
			DatastarSink sink = stream.get(10, TimeUnit.SECONDS);
			int mark = output.getAll().length();
			sink.abort();
			assertThat(sink.isOpen()).isFalse();
			assertThat(((DatastarEventSender) sink).send(DatastarEvents.patchSignals("{\"late\":1}"))).isFalse();
			assertThat(connection.readToEnd()).isEqualTo(Ending.ABORTED);
			assertThat(connection.received()).containsIgnoringCase("Transfer-Encoding: chunked").doesNotContain("late");
			assertThat(closes).hasValue(1);
			sink.abort();
			sink.complete();
			assertThat(closes).hasValue(1);
			assertQuiet(output, mark);
		}
	}

	@Test
	void completeStillEndsTheResponseCleanly() throws Exception {
		try (RawSseConnection connection = RawSseConnection.open(this.port, "/abortable")) {
			connection.await("signals {\"hello\":1}");
			stream.get(10, TimeUnit.SECONDS).complete();
			assertThat(connection.readToEnd()).isEqualTo(Ending.COMPLETED);
			await().untilAsserted(() -> assertThat(closes).hasValue(1));
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

	private static void assertQuiet(CapturedOutput output, int mark) {
		// Nothing at WARN or ERROR. Tomcat sometimes notes at INFO, with a stack trace, that it
		// recycled the aborted request itself ("Encountered a non-recycled request"): its own
		// bookkeeping after CLOSE_NOW from a non-container thread, harmless, not yet avoided.
		String logged = output.getAll().substring(mark);
		assertThat(logged).doesNotContain(" WARN ").doesNotContain(" ERROR ");
	}

}
