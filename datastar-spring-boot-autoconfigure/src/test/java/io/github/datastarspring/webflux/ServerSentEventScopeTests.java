package io.github.datastarspring.webflux;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import io.github.datastarspring.core.DatastarEvent;
import io.github.datastarspring.core.DatastarEventEncoder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ResolvableType;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.http.codec.ServerSentEventHttpMessageWriter;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's {@code ServerSentEvent<String>} writer answers the Datastar client only: an
 * application's own event streams keep what Spring WebFlux writes, byte for byte, headers included.
 */
class ServerSentEventScopeTests {

	private static final ResolvableType SSE_OF_STRING = ResolvableType.forClassWithGenerics(ServerSentEvent.class, String.class);

	static ConfigurableApplicationContext webflux;

	final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@BeforeAll
	static void start() {
		webflux = new SpringApplicationBuilder(WebFluxTestApplication.class).web(WebApplicationType.REACTIVE)
			.properties("server.port=0", "datastar.sse.heartbeat=0")
			.run();
	}

	@AfterAll
	static void stop() {
		webflux.close();
	}

	@Test
	void anApplicationsOwnEventStreamGetsSpringsBytesAndHeaders() throws Exception {
		HttpResponse<byte[]> response = get("/ticks", false);
		MockServerHttpResponse spring = springWrites(WebFluxTestApplication.ticksEvents());
		assertThat(new String(response.body(), StandardCharsets.UTF_8))
			.isEqualTo(spring.getBodyAsString().block(Duration.ofSeconds(5)))
			.startsWith("id:7\nevent:tick\nretry:5000\ndata:one\ndata:two\n\n");
		assertThat(response.headers().firstValue("Content-Type")).hasValue(spring.getHeaders().getFirst("Content-Type"));
		// None of the Datastar stream headers: Spring sets neither.
		assertThat(response.headers().allValues("X-Accel-Buffering")).isEmpty();
		assertThat(response.headers().allValues("Cache-Control")).isEmpty();
	}

	@Test
	void theDatastarClientGetsTheProtocolsLayout() throws Exception {
		DatastarEventEncoder encoder = webflux.getBean(DatastarEventEncoder.class);
		StringBuilder expected = new StringBuilder();
		for (DatastarEvent event : WebFluxTestApplication.sampleEvents()) {
			expected.append(encoder.encodeToString(event));
		}
		HttpResponse<byte[]> response = get("/sse", true);
		assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(expected.toString());
		assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-cache");
	}

	@Test
	void datastarEventsForAnEventSourceAreWrittenBySpring() throws Exception {
		// Still valid SSE with the same events; only the field order and spacing are Spring's.
		DatastarServerSentEvents sse = webflux.getBean(DatastarServerSentEvents.class);
		List<ServerSentEvent<String>> events = sse.from(Flux.fromIterable(WebFluxTestApplication.sampleEvents()))
			.collectList()
			.block(Duration.ofSeconds(5));
		assertThat(new String(get("/sse", false).body(), StandardCharsets.UTF_8))
			.isEqualTo(springWrites(events).getBodyAsString().block(Duration.ofSeconds(5)));
	}

	private static MockServerHttpResponse springWrites(List<ServerSentEvent<String>> events) {
		MockServerHttpResponse response = new MockServerHttpResponse();
		new ServerSentEventHttpMessageWriter()
			.write(Flux.fromIterable(events), SSE_OF_STRING, SSE_OF_STRING, MediaType.TEXT_EVENT_STREAM,
					MockServerHttpRequest.get("/").build(), response, java.util.Map.of())
			.block(Duration.ofSeconds(5));
		return response;
	}

	private HttpResponse<byte[]> get(String path, boolean datastar) throws Exception {
		int port = ((WebServerApplicationContext) webflux).getWebServer().getPort();
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofSeconds(10))
			.header("Accept", "text/event-stream");
		if (datastar) {
			request.header("Datastar-Request", "true");
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

}
