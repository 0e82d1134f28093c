package io.github.datastarspring.webflux;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.datastarspring.DatastarSignals;
import io.github.datastarspring.core.DatastarEvent;
import io.github.datastarspring.core.DatastarEvents;
import io.github.datastarspring.core.DatastarResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/** The example of docs/webflux.md (the same as docs/mvc.md's) in a {@code @WebFluxTest} slice. */
@WebFluxTest(controllers = CounterControllerWebFluxTests.CounterController.class)
@Import(CounterControllerWebFluxTests.CounterController.class)
class CounterControllerWebFluxTests {

	@Autowired
	WebTestClient client;

	@Autowired
	CounterController controller;

	@Test
	void incrementAnswersAndReachesEveryWatcher() {
		Flux<ServerSentEvent<String>> watcher = this.client.get().uri("/counter/stream")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus().isOk()
			.expectHeader().valueEquals("Content-Type", "text/event-stream")
			.returnResult(new org.springframework.core.ParameterizedTypeReference<ServerSentEvent<String>>() {
			})
			.getResponseBody();
		StepVerifier.create(watcher)
			.assertNext(sse -> assertThat(sse.data()).isEqualTo("elements <p id=\"status\">connected</p>"))
			.then(() -> this.client.post().uri("/counter").contentType(MediaType.APPLICATION_JSON)
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
	void invalidCounterIs400() {
		this.client.post().uri("/counter").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"count\":-3}")
			.exchange()
			.expectStatus().isBadRequest()
			.expectBody(String.class).value(body -> assertThat(body).contains("'count' must be greater than or equal to 0"));
		this.client.post().uri("/counter").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"count\":\"five\"}")
			.exchange()
			.expectStatus().isBadRequest()
			.expectBody(String.class).value(body -> assertThat(body).contains("Datastar signal 'count' is invalid"));
	}

	@Test
	void ticks() {
		StepVerifier.create(this.client.get().uri("/ticks").exchange().returnResult(String.class).getResponseBody())
			.expectNext("elements <span id=\"ticks\">0</span>", "elements <span id=\"ticks\">1</span>")
			.thenCancel()
			.verify(Duration.ofSeconds(10));
	}

	@RestController
	static class CounterController {

		record Counter(@Min(0) int count) {
		}

		private final Set<DatastarStream> watchers = ConcurrentHashMap.newKeySet();

		@GetMapping("/counter/stream")
		DatastarStream stream() {
			DatastarStream stream = new DatastarStream();
			stream.patchElements("<p id=\"status\">connected</p>");
			this.watchers.add(stream);
			stream.onClose(() -> this.watchers.remove(stream));
			return stream;
		}

		@PostMapping("/counter")
		DatastarResponse increment(@DatastarSignals @Valid Counter signals) {
			int next = signals.count() + 1;
			this.watchers.forEach(w -> w.patchSignals(Map.of("count", next)));
			return DatastarResponse.of(DatastarEvents.patchSignals(Map.of("count", next)));
		}

		@GetMapping("/ticks")
		Flux<DatastarEvent> ticks() {
			return Flux.interval(Duration.ZERO, Duration.ofMillis(100))
				.onBackpressureDrop()
				.map(n -> DatastarEvents.patchElements("<span id=\"ticks\">" + n + "</span>"));
		}

	}

}
