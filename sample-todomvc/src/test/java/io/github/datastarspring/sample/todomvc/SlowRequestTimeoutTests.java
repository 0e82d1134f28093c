package io.github.datastarspring.sample.todomvc;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import io.github.datastarspring.test.LiveEventStream;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tomcat's request-header timeout ({@code server.tomcat.connection-timeout}, 10s in the sample,
 * 2s here): a client that sends half a request and stops is cut off, so idle half-open
 * connections cannot use up {@code max-connections}; an open event stream, silent for longer than
 * that between heartbeats, is not.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "server.tomcat.connection-timeout=2s")
class SlowRequestTimeoutTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(2);

	@LocalServerPort
	private int port;

	@Test
	void aHalfSentRequestIsCutOffAfterTheTimeout() throws Exception {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write("GET / HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			long start = System.nanoTime();
			InputStream in = socket.getInputStream();
			// Whatever the server says (if anything), the connection must end.
			while (in.read() != -1) {
				// drain
			}
			Duration waited = Duration.ofNanos(System.nanoTime() - start);
			assertThat(waited).isGreaterThanOrEqualTo(TIMEOUT.minusMillis(200)).isLessThan(TIMEOUT.plusSeconds(10));
		}
	}

	@Test
	void anOpenStreamOutlivesTheTimeout() throws Exception {
		String list = "timeout-" + UUID.randomUUID().toString().substring(0, 8);
		try (LiveEventStream stream = LiveEventStream
			.connect("http://localhost:" + this.port + "/lists/" + list + "/updates")
			.open()) {
			assertThat(stream.nextEvent().type()).isEqualTo("datastar-patch-elements");
			// Silent (no heartbeat due for 15s) for three times the timeout: the time passing is what is tested.
			await().pollDelay(TIMEOUT.multipliedBy(3)).atMost(TIMEOUT.multipliedBy(4)).until(() -> true);
			HttpResponse<String> added = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/lists/" + list + "/todos"))
					.header("Datastar-Request", "true")
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"Still here\"}"))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(added.statusCode()).isEqualTo(204);
			assertThat(stream.nextEvent().toString()).contains("Still here");
		}
	}

}
