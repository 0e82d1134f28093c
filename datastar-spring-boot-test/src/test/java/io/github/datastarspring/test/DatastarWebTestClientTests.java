package io.github.datastarspring.test;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import static io.github.datastarspring.test.DatastarAssertions.assertThat;
import static io.github.datastarspring.test.DatastarWebTestClient.events;
import static io.github.datastarspring.test.DatastarWebTestClient.firstEvents;
import static io.github.datastarspring.test.DatastarWebTestClient.stream;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Requests as the client sends them through {@link WebTestClient}; streams read whole, in part, or live. */
class DatastarWebTestClientTests {

	private final WebTestClient client = WebTestClient.bindToRouterFunction(RouterFunctions.route()
		.GET("/echo", DatastarWebTestClientTests::echo)
		.POST("/echo", DatastarWebTestClientTests::echo)
		.DELETE("/echo", DatastarWebTestClientTests::echo)
		.GET("/ticks", (request) -> ServerResponse.ok()
			.contentType(MediaType.TEXT_EVENT_STREAM)
			// Each event split over two writes, with a heartbeat between: the parser joins them.
			.body(Flux.range(0, 10_000)
				.delayElements(Duration.ofMillis(20))
				.concatMap((n) -> Flux.just("event: datastar-patch-signals\nid: " + n + "\n", "data: signals {\"n\":" + n
						+ "}\n\n", ": \n"))
				.map(DatastarWebTestClientTests::bytes), byte[].class))
		.GET("/short", (request) -> ServerResponse.ok()
			.contentType(MediaType.TEXT_EVENT_STREAM)
			.bodyValue(bytes("event: datastar-patch-signals\ndata: signals {}\n\n")))
		.build()).build();

	private static Mono<ServerResponse> echo(ServerRequest request) {
		Mono<String> received = request.queryParam("datastar")
			.map(Mono::just)
			.orElseGet(() -> request.bodyToMono(String.class));
		return received.flatMap((signals) -> ServerResponse.ok()
			.contentType(MediaType.TEXT_EVENT_STREAM)
			.bodyValue(bytes("event: datastar-patch-signals\ndata: signals " + tools.jackson.databind.json.JsonMapper.shared()
				.writeValueAsString(Map.of("method", request.method().name(), "received", signals, "datastarRequest",
						request.headers().firstHeader("Datastar-Request"), "contentType",
						String.valueOf(request.headers().firstHeader("Content-Type"))))
					+ "\n\n")));
	}

	/** Bytes, so that WebFlux writes them as they are (a String would become SSE data lines). */
	private static byte[] bytes(String text) {
		return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
	}

	@Test
	void signalsGoInTheQueryForGetAndDeleteAndInTheBodyOtherwise() {
		assertThat(events(DatastarWebTestClient.get(this.client, "/echo", Map.of("q", "a&b c")).exchange()))
			.singleElement()
			.hasSignal("method", "GET")
			.hasSignal("received", "{\"q\":\"a&b c\"}")
			.hasSignal("datastarRequest", "true");
		assertThat(events(DatastarWebTestClient.delete(this.client, "/echo", "{\"id\":1}").exchange()))
			.singleElement()
			.hasSignal("received", "{\"id\":1}");
		assertThat(events(DatastarWebTestClient.post(this.client, "/echo", Map.of("title", "milk")).exchange()))
			.singleElement()
			.hasSignal("method", "POST")
			.hasSignal("received", "{\"title\":\"milk\"}")
			.hasSignal("contentType", "application/json");
	}

	@Test
	void theFirstEventsOfAnEndlessStream() {
		ReceivedEvents first = firstEvents(this.client.get().uri("/ticks").exchange(), 3, Duration.ofSeconds(10));
		assertThat(first).hasSize(3);
		assertThat(first).element(2).hasId("2").hasSignal("n", 2);
	}

	@Test
	void aStreamAsItArrives() {
		StepVerifier.create(stream(this.client.get().uri("/ticks").exchange()))
			.assertNext((e) -> assertThat(e).hasSignals("{\"n\":0}"))
			.assertNext((e) -> assertThat(e).hasId("1"))
			.thenCancel()
			.verify(Duration.ofSeconds(10));
	}

	@Test
	void fewerEventsThanExpectedOrTooSlowFailsClearly() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> firstEvents(this.client.get().uri("/short").exchange(), 2, Duration.ofSeconds(10)))
			.withMessageContaining("ended after 1");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> firstEvents(this.client.get().uri("/ticks").exchange(), 1000, Duration.ofMillis(300)))
			.withMessageContaining("Expected 1000 events within PT0.3S");
	}

}
