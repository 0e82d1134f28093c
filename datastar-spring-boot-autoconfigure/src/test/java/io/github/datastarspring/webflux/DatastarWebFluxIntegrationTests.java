package io.github.datastarspring.webflux;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.datastarspring.core.DatastarEvent;
import io.github.datastarspring.core.DatastarEventEncoder;
import io.github.datastarspring.test.LiveEventStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The WebFlux stack on a real Netty server, whole bodies read with {@link HttpClient}, streams with {@link LiveEventStream}. */
@SpringBootTest(classes = WebFluxTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "datastar.signals.max-size=1KB",
				"datastar.sse.heartbeat=0" })
class DatastarWebFluxIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	DatastarEventEncoder encoder;

	final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@AfterEach
	void resetStream() {
		WebFluxTestApplication.EventsController.streams.set(new CompletableFuture<>());
	}

	String expectedSampleBytes() {
		StringBuilder expected = new StringBuilder();
		for (DatastarEvent e : WebFluxTestApplication.sampleEvents()) {
			expected.append(this.encoder.encodeToString(e));
		}
		return expected.toString();
	}

	// Whole bodies as plain strings on purpose: tests compare them byte for byte with the encoder's output.
	HttpResponse<String> get(String path, String... headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> send(String method, String path, String contentType, String body) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10))
			.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	static String query(String json) {
		return "?datastar=" + URLEncoder.encode(json, StandardCharsets.UTF_8);
	}

	@Test
	void fluxOfEventsIsTheEncodersBytesWithStreamHeaders() throws Exception {
		// Accept as the Datastar client sends it; JSON is acceptable too, yet the answer is SSE.
		HttpResponse<String> response = get("/flux", "Accept", "text/event-stream, text/html, application/json",
				"Datastar-Request", "true");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().allValues("Content-Type")).containsExactly("text/event-stream");
		assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-cache");
		assertThat(response.headers().firstValue("Connection")).hasValue("keep-alive");
		assertThat(response.headers().firstValue("X-Accel-Buffering")).hasValue("no");
		assertThat(response.body()).isEqualTo(expectedSampleBytes());
	}

	@Test
	void monoOfResponseAndSingleEventAreWrittenTheSameWay() throws Exception {
		assertThat(get("/response").body()).isEqualTo(expectedSampleBytes());
		HttpResponse<String> one = get("/one", "Accept", "application/json");
		assertThat(one.headers().firstValue("Content-Type")).hasValue("text/event-stream");
		assertThat(one.body()).isEqualTo("event: datastar-patch-elements\ndata: elements <p id=\"one\">1</p>\n\n");
	}

	@Test
	void responseEntityFunctionalEndpointAndMonoOfStreamUseTheSameWriter() throws Exception {
		HttpResponse<String> entity = get("/entity");
		assertThat(entity.headers().firstValue("X-Extra")).hasValue("1");
		assertThat(entity.headers().allValues("Content-Type")).containsExactly("text/event-stream");
		assertThat(entity.body()).isEqualTo(expectedSampleBytes());
		HttpResponse<String> functional = get("/functional", "Accept", "text/event-stream, text/html, application/json");
		assertThat(functional.headers().allValues("Content-Type")).containsExactly("text/event-stream");
		assertThat(functional.body()).isEqualTo(expectedSampleBytes());
		assertThat(get("/mono-stream").body()).isEqualTo("event: datastar-patch-elements\ndata: elements <p id=\"m\">m</p>\n\n");
	}

	@Test
	void serverSentEventsFromTheBuilderAreByteIdenticalToDatastarEvents() throws Exception {
		// As the Datastar client asks (an EventSource without the header gets Spring's layout: ServerSentEventScopeTests).
		HttpResponse<String> response = get("/sse", "Accept", "text/event-stream", "Datastar-Request", "true");
		assertThat(response.headers().allValues("Content-Type")).containsExactly("text/event-stream");
		assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-cache");
		assertThat(response.body()).isEqualTo(expectedSampleBytes());
		assertThat(get("/sse-builder", "Datastar-Request", "true").body()).isEqualTo("event: datastar-patch-elements\ndata: elements <p id=\"b\">built</p>\n\n"
				+ "event: datastar-patch-signals\ndata: signals {\"x\":1}\n\n");
	}

	@Test
	void streamOpensAtOnceAndDeliversEachEventAsItIsSent() throws Exception {
		// open() returns when the headers arrive: the stream is open before the next event.
		try (LiveEventStream page = LiveEventStream.connect(uri("/stream")).open()) {
			assertThat(page.header("Content-Type")).isEqualTo("text/event-stream");
			DatastarStream stream = WebFluxTestApplication.EventsController.streams.get().get(5, TimeUnit.SECONDS);
			CompletableFuture<Void> closed = new CompletableFuture<>();
			stream.onClose(() -> closed.complete(null));
			assertThat(page.nextEvent().toString())
				.isEqualTo("event: datastar-patch-elements\ndata: elements <p id=\"hello\">before return</p>\n\n");
			for (int i = 0; i < 3; i++) {
				stream.patchSignals("{\"i\":" + i + "}");
				assertThat(page.nextEvent().toString())
					.isEqualTo("event: datastar-patch-signals\ndata: signals {\"i\":" + i + "}\n\n");
			}
			assertThat(stream.isOpen()).isTrue();
			stream.complete();
			assertThat(page.remainingEvents().events()).isEmpty();
			assertThat(page.ending()).isEqualTo(LiveEventStream.Ending.COMPLETED);
			closed.get(5, TimeUnit.SECONDS);
			assertThat(stream.isOpen()).isFalse();
			assertThat(stream.offer(new byte[] { 'x' })).isFalse();
		}
	}

	@Test
	void headersGoOutBeforeALateFirstEvent() throws Exception {
		CompletableFuture<DatastarEvent> late = new CompletableFuture<>();
		WebFluxTestApplication.EventsController.late.set(late);
		try (LiveEventStream page = LiveEventStream.connect(uri("/late")).open()) {
			assertThat(page.header("Content-Type")).isEqualTo("text/event-stream");
			late.complete(io.github.datastarspring.core.DatastarEvents.patchElements("<p id=\"late\">late</p>"));
			assertThat(page.awaitEnd()).isEqualTo(LiveEventStream.Ending.COMPLETED);
			assertThat(page.body()).isEqualTo("event: datastar-patch-elements\ndata: elements <p id=\"late\">late</p>\n\n");
		}
	}

	@Test
	void badSignalsReadLazilyByAReactiveParameterStillGive400() throws Exception {
		HttpResponse<String> ok = send("POST", "/signals/events-mono", "application/json", "{\"name\":\"Al\",\"age\":1}");
		assertThat(ok.body()).isEqualTo("event: datastar-patch-signals\ndata: signals {\"name\":\"Al\"}\n\n");
		HttpResponse<String> invalid = send("POST", "/signals/events-mono", "application/json", "{\"name\":\"\",\"age\":1}");
		assertThat(invalid.statusCode()).isEqualTo(400);
		assertThat(invalid.body()).contains("\"signal\":\"name\"");
		HttpResponse<String> malformed = send("POST", "/signals/events-flux", "application/json", "{oops");
		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat(malformed.body()).contains("Datastar signals are not valid JSON");
		assertThat(send("POST", "/signals/events-flux", "application/json", "{\"name\":\"Fl\",\"age\":1}").body())
			.isEqualTo("event: datastar-patch-signals\ndata: signals {\"name\":\"Fl\"}\n\n");
	}

	@Test
	void clientGoingAwayClosesTheStream() throws Exception {
		LiveEventStream page = LiveEventStream.connect(uri("/stream")).open();
		DatastarStream stream = WebFluxTestApplication.EventsController.streams.get().get(5, TimeUnit.SECONDS);
		CompletableFuture<Void> closed = new CompletableFuture<>();
		stream.onClose(() -> closed.complete(null));
		assertThat(page.nextEvent().isPatchElements()).isTrue();
		page.close();
		closed.get(10, TimeUnit.SECONDS);
		assertThat(stream.isOpen()).isFalse();
		assertThat(stream.offer(this.encoder.encode(io.github.datastarspring.core.DatastarEvents.patchElements("<p id=\"x\"></p>"))))
			.isFalse();
	}

	@Test
	void clientGoingAwayCancelsTheFlux() throws Exception {
		try (LiveEventStream page = LiveEventStream.connect(uri("/endless")).open()) {
			assertThat(page.nextEvent().isPatchElements()).isTrue();
		}
		WebFluxTestApplication.EventsController.endlessCancelled.get(10, TimeUnit.SECONDS);
	}

	@Test
	void signalsFromTheQueryOfGetAndDelete() throws Exception {
		assertThat(get("/signals" + query("{\"name\":\"Ada Lovelace\",\"age\":36}")).body()).isEqualTo("Ada Lovelace/36");
		// Form encoding: '+' is a space.
		assertThat(get("/signals?datastar=%7B%22name%22%3A%22a+b%22%2C%22age%22%3A1%7D").body()).isEqualTo("a b/1");
		assertThat(send("DELETE", "/signals" + query("{\"name\":\"x\",\"age\":1}"), "text/plain", "").body()).isEqualTo("deleted x");
	}

	@Test
	void signalsFromTheJsonBody() throws Exception {
		assertThat(send("POST", "/signals", "application/json", "{\"name\":\"Ada\",\"age\":36}").body()).isEqualTo("Ada/36");
		assertThat(send("POST", "/signals/map", "application/json", "{\"a\":1,\"b\":{\"c\":true}}").body())
			.isEqualTo("{a=1, b={c=true}}");
		assertThat(send("POST", "/signals/node", "application/json", "{\"user\":{\"name\":\"Bo\"}}").body()).isEqualTo("Bo");
		assertThat(send("POST", "/signals/mono", "application/json", "{\"name\":\"Mo\",\"age\":2}").body()).isEqualTo("mono Mo");
	}

	@Test
	void missingSignalsAre400UnlessOptional() throws Exception {
		HttpResponse<String> missing = get("/signals");
		assertThat(missing.statusCode()).isEqualTo(400);
		assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(missing.body()).contains("Datastar signals are required but the 'datastar' query parameter is missing");
		assertThat(send("POST", "/signals", "application/json", "").statusCode()).isEqualTo(400);
		assertThat(get("/signals/optional").body()).isEqualTo("null");
		assertThat(get("/signals/java-optional").body()).isEqualTo("none");
		assertThat(get("/signals/java-optional" + query("{\"name\":\"Op\",\"age\":1}")).body()).isEqualTo("Op");
	}

	@Test
	void malformedJsonIs400WithTheReason() throws Exception {
		HttpResponse<String> response = send("POST", "/signals", "application/json", "{\"name\": oops}");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("Datastar signals are not valid JSON: Unrecognized token 'oops'");
		HttpResponse<String> query = get("/signals" + query("{nope"));
		assertThat(query.statusCode()).isEqualTo(400);
		assertThat(query.body()).contains("Datastar signals are not valid JSON");
	}

	@Test
	void wrongTypeIs400NamingTheField() throws Exception {
		HttpResponse<String> response = send("POST", "/signals", "application/json", "{\"name\":\"a\",\"age\":\"old\"}");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("Datastar signal 'age' is invalid").contains("\"signal\":\"age\"");
		HttpResponse<String> mono = send("POST", "/signals/mono", "application/json", "{\"age\":[1]}");
		assertThat(mono.statusCode()).isEqualTo(400);
		assertThat(mono.body()).contains("Datastar signal 'age' is invalid");
	}

	@Test
	void invalidSignalsAre400WithFieldErrors() throws Exception {
		HttpResponse<String> response = send("POST", "/signals", "application/json", "{\"name\":\" \",\"age\":-1}");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("\"detail\":\"Invalid Datastar signals: '")
			.contains("{\"signal\":\"name\",\"message\":\"must not be blank\"}")
			.contains("{\"signal\":\"age\",\"message\":\"must be greater than or equal to 0\"}");
		HttpResponse<String> mono = send("POST", "/signals/mono", "application/json", "{\"name\":\"\",\"age\":3}");
		assertThat(mono.statusCode()).isEqualTo(400);
		assertThat(mono.body()).contains("\"signal\":\"name\"");
	}

	@Test
	void tooLargeSignalsAre413() throws Exception {
		String big = "{\"name\":\"" + "x".repeat(2000) + "\"}";
		HttpResponse<String> body = send("POST", "/signals", "application/json", big);
		assertThat(body.statusCode()).isEqualTo(413);
		assertThat(body.body()).contains("datastar.signals.max-size");
		// Without Content-Length (chunked), reading stops at the limit.
		HttpResponse<String> chunked = this.http.send(HttpRequest.newBuilder(uri("/signals"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big.getBytes())))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(chunked.statusCode()).isEqualTo(413);
		HttpResponse<String> query = get("/signals" + query(big));
		assertThat(query.statusCode()).isEqualTo(413);
	}

	@Test
	void nonJsonBodyIsRefusedWithAMessage() throws Exception {
		HttpResponse<String> response = send("POST", "/signals", "application/x-www-form-urlencoded", "name=a");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("sends a form ({contentType: 'form'})");
	}

	@Test
	void datastarRequestHeaders() throws Exception {
		assertThat(get("/request", "Datastar-Request", "true", "Last-Event-ID", "7").body()).isEqualTo("true 7");
		assertThat(get("/request").body()).isEqualTo("false null");
	}

}
