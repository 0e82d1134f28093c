package dev.datastar.spring.webflux;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import dev.datastar.spring.core.DatastarEvent;
import dev.datastar.spring.core.DatastarEventEncoder;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.codec.ServerSentEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same events through every WebFlux shape give the bytes the MVC stack writes for them. The
 * MVC side is the core encoder's output, which is what the MVC stack writes (it has no other
 * formatting code).
 */
@SpringBootTest(classes = WebFluxTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.main.web-application-type=reactive")
class MvcWebFluxByteIdentityTests {

	@LocalServerPort
	int port;

	@Autowired
	DatastarEventEncoder encoder;

	@Test
	void everyWebFluxShapeWritesTheMvcBytes() throws Exception {
		StringBuilder mvc = new StringBuilder();
		for (DatastarEvent e : WebFluxTestApplication.sampleEvents()) {
			mvc.append(this.encoder.encodeToString(e));
		}
		HttpClient http = HttpClient.newHttpClient();
		for (String path : List.of("/flux", "/response", "/list", "/entity", "/functional", "/sse")) {
			HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
				.timeout(Duration.ofSeconds(10)).header("Accept", "text/event-stream, text/html, application/json").build(),
					HttpResponse.BodyHandlers.ofByteArray());
			assertThat(response.body()).as(path).isEqualTo(mvc.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
		}
	}

	@Test
	void springsOwnServerSentEventFormatWouldNotBeIdentical() {
		// Why DatastarServerSentEventHttpMessageWriter exists: Spring writes id first and no space.
		ServerSentEvent<String> sse = new DatastarServerSentEvents(this.encoder)
			.of(WebFluxTestApplication.sampleEvents().get(0));
		assertThat(sse.format()).startsWith("id:1\nevent:datastar-patch-elements\n");
		assertThat(this.encoder.encodeToString(WebFluxTestApplication.sampleEvents().get(0)))
			.startsWith("event: datastar-patch-elements\nid: 1\nretry: 2000\n");
	}

}
