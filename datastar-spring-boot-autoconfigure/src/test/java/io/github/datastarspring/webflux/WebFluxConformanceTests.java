package io.github.datastarspring.webflux;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import io.github.datastarspring.conformance.ConformanceCases;
import io.github.datastarspring.conformance.ConformanceCases.Case;
import io.github.datastarspring.conformance.ConformanceWebFluxConfiguration;
import io.github.datastarspring.conformance.SseComparison;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/** The official SDK conformance cases against the WebFlux {@code /test} endpoint on Netty. */
@SpringBootTest(classes = ConformanceWebFluxConfiguration.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.main.web-application-type=reactive")
class WebFluxConformanceTests {

	@LocalServerPort
	int port;

	static List<Case> cases() {
		return ConformanceCases.all();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void conformanceCase(Case c) {
		WebTestClient client = WebTestClient.bindToServer().baseUrl("http://localhost:" + this.port)
			.responseTimeout(Duration.ofSeconds(10)).build();
		WebTestClient.RequestHeadersSpec<?> request;
		if (c.method().equals("GET")) {
			String uri = UriComponentsBuilder.fromPath("/test").queryParam("datastar", "{input}")
				.encode().buildAndExpand(c.input()).toUriString();
			request = client.get().uri(java.net.URI.create("http://localhost:" + this.port + uri));
		}
		else {
			request = client.post().uri("/test").contentType(MediaType.APPLICATION_JSON).bodyValue(c.input());
		}
		EntityExchangeResult<byte[]> result = request.header("Datastar-Request", "true")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus().isOk()
			.expectHeader().valueEquals("Content-Type", "text/event-stream")
			.expectBody().returnResult();
		SseComparison.assertEquivalent(c.expected(), new String(result.getResponseBody(), StandardCharsets.UTF_8));
	}

	@Test
	void conformanceServerRunsTheWebFluxStack() throws Exception {
		try (org.springframework.context.ConfigurableApplicationContext server = io.github.datastarspring.conformance.ConformanceServer
			.start("webflux", 0)) {
			assertThat(server).isInstanceOf(org.springframework.boot.web.server.reactive.context.ReactiveWebServerApplicationContext.class);
			WebTestClient.bindToServer().baseUrl("http://localhost:" + io.github.datastarspring.conformance.ConformanceServer.port(server))
				.build()
				.put().uri("/test").contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{\"events\":[{\"type\":\"patchSignals\",\"signals\":{\"a\":1}}]}")
				.exchange()
				.expectStatus().isOk()
				.expectBody(String.class).isEqualTo("event: datastar-patch-signals\ndata: signals {\"a\":1}\n\n");
		}
	}

	@Test
	void badInputIsA400WithAMessage() {
		WebTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build()
			.post().uri("/test").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"events\":[{\"type\":\"nope\"}]}")
			.exchange()
			.expectStatus().isBadRequest()
			.expectBody(String.class).value(body -> assertThat(body).contains("unknown event type 'nope'"));
	}

}
