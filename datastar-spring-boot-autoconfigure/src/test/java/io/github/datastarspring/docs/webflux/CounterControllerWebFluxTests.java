package io.github.datastarspring.docs.webflux;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The example of docs/webflux.md (the same as docs/mvc.md's) in a {@code @WebFluxTest} slice. */
@WebFluxTest(controllers = CounterController.class)
@Import(CounterController.class)
class CounterControllerWebFluxTests {

	@Autowired
	WebTestClient webTestClient;

	@Autowired
	CounterController controller;

	@Test
	void incrementAnswersAndReachesEveryWatcher() {
		Flux<ServerSentEvent<String>> watcher = this.webTestClient.get().uri("/counter/stream")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus().isOk()
			.expectHeader().valueEquals("Content-Type", "text/event-stream")
			.returnResult(new org.springframework.core.ParameterizedTypeReference<ServerSentEvent<String>>() {
			})
			.getResponseBody();
		StepVerifier.create(watcher)
			.assertNext(sse -> assertThat(sse.data()).isEqualTo("elements <p id=\"status\">connected</p>"))
			.then(() -> this.webTestClient.post().uri("/counter").contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{\"count\":4,\"other\":\"ignored\"}")
				.exchange()
				.expectStatus().isOk()
				.expectHeader().valueEquals("Content-Type", "text/event-stream")
				.expectBody(String.class).isEqualTo("event: datastar-patch-signals\ndata: signals {\"count\":5}\n\n"))
			.assertNext(sse -> {
				assertThat(sse.event()).isEqualTo("datastar-patch-signals");
				assertThat(sse.data()).isEqualTo("signals {\"count\":5}");
			})
			.thenCancel()
			.verify(Duration.ofSeconds(10));
	}

	@Test
	void anAnswerIsAShortStream() {
		// tag::web-test-client[]
		webTestClient.post().uri("/counter").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"count\":4}")
				.exchange()
				.expectStatus().isOk()
				.expectHeader().valueEquals("Content-Type", "text/event-stream")
				.expectBody(String.class).isEqualTo("event: datastar-patch-signals\ndata: signals {\"count\":5}\n\n");
		// end::web-test-client[]
	}

	@Test
	void invalidCounterIs400() {
		this.webTestClient.post().uri("/counter").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"count\":-3}")
			.exchange()
			.expectStatus().isBadRequest()
			.expectBody(String.class).value(body -> assertThat(body).contains("'count' must be greater than or equal to 0"));
		this.webTestClient.post().uri("/counter").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"count\":\"five\"}")
			.exchange()
			.expectStatus().isBadRequest()
			.expectBody(String.class).value(body -> assertThat(body).contains("Datastar signal 'count' is invalid"));
	}

	@Test
	void ticks() {
		StepVerifier.create(this.webTestClient.get().uri("/ticks").exchange().returnResult(String.class).getResponseBody())
			.expectNext("elements <span id=\"ticks\">0</span>", "elements <span id=\"ticks\">1</span>")
			.thenCancel()
			.verify(Duration.ofSeconds(10));
	}

}
