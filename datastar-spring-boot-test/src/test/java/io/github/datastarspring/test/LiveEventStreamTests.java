package io.github.datastarspring.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.datastarspring.test.LiveEventStream.Ending;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.datastarspring.test.DatastarAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Streams of a real HTTP server (the JDK's), read over a socket as they arrive. */
class LiveEventStreamTests {

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final CountDownLatch release = new CountDownLatch(1);

	private HttpServer server;

	@BeforeEach
	void start() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
		this.server.setExecutor(this.executor);
		this.server.createContext("/stream", this::stream);
		this.server.createContext("/echo", this::echo);
		this.server.createContext("/gzip", this::gzip);
		this.server.createContext("/sized", (exchange) -> {
			byte[] body = "event: datastar-patch-signals\ndata: signals {\"a\":1}\n\n".getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		this.server.start();
	}

	@AfterEach
	void stop() {
		this.release.countDown();
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	/** Two events, each split over two flushed chunks with a heartbeat between, then waits to be released and ends. */
	private void stream(HttpExchange exchange) throws IOException {
		exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
		exchange.sendResponseHeaders(200, 0);
		OutputStream out = exchange.getResponseBody();
		for (int i = 0; i < 2; i++) {
			write(out, "event: datastar-patch-elements\nid: " + i + "\ndata: elements <p id=\"n\">");
			write(out, i + "</p>\n\n: \n");
		}
		await(this.release);
		write(out, "event: datastar-patch-signals\ndata: signals {\"done\":true}\n\n");
		exchange.close();
	}

	private void echo(HttpExchange exchange) throws IOException {
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		String json = tools.jackson.databind.json.JsonMapper.shared()
			.writeValueAsString(Map.of("method", exchange.getRequestMethod(), "query",
					String.valueOf(exchange.getRequestURI().getRawQuery()), "body", body, "datastarRequest",
					String.valueOf(exchange.getRequestHeaders().getFirst("Datastar-Request")), "lastEventId",
					String.valueOf(exchange.getRequestHeaders().getFirst("Last-Event-ID")), "contentType",
					String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"))));
		exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
		exchange.sendResponseHeaders(200, 0);
		write(exchange.getResponseBody(), "event: datastar-patch-signals\ndata: signals " + json + "\n\n");
		exchange.close();
	}

	/** Gzip with a sync flush after each event, as the starter's compression does. */
	private void gzip(HttpExchange exchange) throws IOException {
		exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
		exchange.getResponseHeaders().add("Content-Encoding", "gzip");
		exchange.sendResponseHeaders(200, 0);
		GZIPOutputStream out = new GZIPOutputStream(exchange.getResponseBody(), true);
		write(out, "event: datastar-patch-signals\ndata: signals {\"n\":1}\n\n");
		await(this.release);
		write(out, "event: datastar-patch-signals\ndata: signals {\"n\":2}\n\n");
		out.finish();
		exchange.close();
	}

	@Test
	void eventsArriveOneByOneAndTheEndIsSeen() throws IOException {
		try (LiveEventStream stream = LiveEventStream.connect(url("/stream")).open()) {
			assertThat(stream.status()).isEqualTo(200);
			assertThat(stream.header("content-type")).isEqualTo("text/event-stream");
			assertThat(stream.nextEvent()).isPatchElements().hasId("0").hasElements("<p id=\"n\">0</p>");
			assertThat(stream.nextEvent()).hasId("1");
			assertThat(stream.lastEventId()).isEqualTo("1");
			// Nothing more until the server is released.
			assertThat(stream.pollEvent(Duration.ofMillis(200))).isNull();
			this.release.countDown();
			assertThat(stream.remainingEvents()).singleElement().hasSignal("done", true);
			assertThat(stream.awaitEnd()).isEqualTo(Ending.COMPLETED);
			assertThat(stream.received()).hasSize(3).comments().containsExactly("", "");
			assertThat(stream.rawResponse()).startsWith("HTTP/1.1 200").endsWith("\r\n0\r\n\r\n");
			assertThat(stream.body()).startsWith("event: datastar-patch-elements\nid: 0\n");
		}
	}

	@Test
	void waitingForAnEventThatDoesNotComeFailsWithWhatCameSoFar() throws IOException {
		try (LiveEventStream stream = LiveEventStream.connect(url("/stream")).open()) {
			stream.nextEvents(2);
			assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> stream.nextEvent(Duration.ofMillis(200)))
				.withMessageContaining("No event within PT0.2S")
				.withMessageContaining("id: 1");
			assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> stream.awaitEnd(Duration.ofMillis(200)))
				.withMessageContaining("neither ended nor failed");
		}
	}

	@Test
	void aConnectionThatClosesMidStreamIsAborted() throws Exception {
		try (ServerSocket raw = new ServerSocket(0)) {
			this.executor.execute(() -> {
				try (Socket socket = raw.accept()) {
					InputStream in = socket.getInputStream();
					in.read(new byte[4096]);
					socket.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
							+ "Transfer-Encoding: chunked\r\n\r\n1a\r\nevent: a\ndata: b\n\nevent: c\r\n")
						.getBytes(StandardCharsets.US_ASCII));
				}
				catch (IOException ex) {
					throw new IllegalStateException(ex);
				}
			});
			try (LiveEventStream stream = LiveEventStream.connect("http://localhost:" + raw.getLocalPort() + "/").open()) {
				assertThat(stream.awaitEnd()).isEqualTo(Ending.ABORTED);
				assertThat(stream.nextEvent()).hasType("a");
				assertThatExceptionOfType(AssertionError.class).isThrownBy(stream::nextEvent)
					.withMessageContaining("The stream ended (ABORTED)")
					.withMessageContaining("event: c");
			}
		}
	}

	@Test
	void aChunkArrivesBeforeTheLineEndThatFollowsIt() throws Exception {
		// Jetty sends the CRLF that ends a chunk's data in front of the next chunk, which on an
		// idle stream comes a heartbeat later: a browser shows the event at once, and so must this.
		CountDownLatch read = new CountDownLatch(1);
		try (ServerSocket raw = new ServerSocket(0)) {
			this.executor.execute(() -> {
				try (Socket socket = raw.accept()) {
					socket.getInputStream().read(new byte[4096]);
					OutputStream out = socket.getOutputStream();
					write(out, "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
							+ "Transfer-Encoding: chunked\r\n\r\n12\r\nevent: a\ndata: b\n\n");
					await(read);
					write(out, "\r\n12\r\nevent: c\ndata: d\n\n\r\n0\r\n\r\n");
				}
				catch (IOException ex) {
					throw new IllegalStateException(ex);
				}
			});
			try (LiveEventStream stream = LiveEventStream.connect("http://localhost:" + raw.getLocalPort() + "/").open()) {
				// Well within the 10 s the server waits for it before it sends the next chunk.
				assertThat(stream.nextEvent(Duration.ofSeconds(5))).hasType("a");
				read.countDown();
				assertThat(stream.nextEvent()).hasType("c");
				assertThat(stream.awaitEnd()).isEqualTo(Ending.COMPLETED);
			}
		}
	}

	@Test
	void aResponseOfKnownLengthCompletes() throws IOException {
		try (LiveEventStream stream = LiveEventStream.connect(url("/sized")).open()) {
			assertThat(stream.nextEvent()).hasSignal("a", 1);
			assertThat(stream.awaitEnd()).isEqualTo(Ending.COMPLETED);
		}
	}

	@Test
	void signalsAndHeadersAreSentAsTheClientSendsThem() throws IOException {
		try (LiveEventStream stream = LiveEventStream.connect(url("/echo?x=1")).signals(Map.of("q", "a&b"))
			.lastEventId("e-7")
			.open()) {
			assertThat(stream.nextEvent()).hasSignal("method", "GET")
				.hasSignal("query", "x=1&datastar=%7B%22q%22%3A%22a%26b%22%7D")
				.hasSignal("datastarRequest", "true")
				.hasSignal("lastEventId", "e-7");
		}
		try (LiveEventStream stream = LiveEventStream.connect(url("/echo")).method("post").signals("{\"n\":\"Zoë\"}").open()) {
			assertThat(stream.nextEvent()).hasSignal("method", "POST")
				.hasSignal("body", "{\"n\":\"Zoë\"}")
				.hasSignal("contentType", "application/json")
				.hasSignal("query", "null");
		}
	}

	@Test
	void gzipIsDecodedAsEachFlushedEventArrives() throws IOException {
		try (LiveEventStream stream = LiveEventStream.connect(url("/gzip")).open()) {
			assertThat(stream.header("Content-Encoding")).isEqualTo("gzip");
			assertThat(stream.nextEvent()).hasSignal("n", 1);
			this.release.countDown();
			assertThat(stream.nextEvent()).hasSignal("n", 2);
			assertThat(stream.awaitEnd()).isEqualTo(Ending.COMPLETED);
		}
	}

	@Test
	void onlyPlainHttpIsSupported() {
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> LiveEventStream.connect("https://localhost/"))
			.withMessageContaining("Only http://");
	}

	private String url(String path) {
		return "http://localhost:" + this.server.getAddress().getPort() + path;
	}

	private static void write(OutputStream out, String text) throws IOException {
		out.write(text.getBytes(StandardCharsets.UTF_8));
		out.flush();
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
