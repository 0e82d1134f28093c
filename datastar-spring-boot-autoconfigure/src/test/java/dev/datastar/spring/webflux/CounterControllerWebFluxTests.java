package dev.datastar.spring.webflux;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.datastar.spring.DatastarSignals;
import dev.datastar.spring.core.DatastarEvents;
import dev.datastar.spring.core.DatastarResponse;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

import static org.assertj.core.api.Assertions.assertThat;

/** The example of docs/webflux.md in a {@code @WebFluxTest} slice. */
@WebFluxTest(controllers = CounterControllerWebFluxTests.CounterController.class)
@Import(CounterControllerWebFluxTests.CounterController.class)
class CounterControllerWebFluxTests {

	@Autowired
	WebTestClient client;

	@Test
	void ticksStreamTheCount() {
		Flux<String> body = this.client.get().uri("/ticks").accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus().isOk()
			.expectHeader().valueEquals("Content-Type", "text/event-stream")
			.returnResult(String.class).getResponseBody();
		StepVerifier.create(body)
			.assertNext(data -> assertThat(data).matches("elements <span id=\"count\">\\d+</span>"))
			.assertNext(data -> assertThat(data).matches("elements <span id=\"count\">\\d+</span>"))
			.thenCancel()
			.verify(Duration.ofSeconds(10));
	}

	@Test
	void resetReadsTheSignals() {
		this.client.post().uri("/reset").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"to\":5}")
			.exchange()
			.expectStatus().isOk()
			.expectHeader().valueEquals("Content-Type", "text/event-stream")
			.expectBody(String.class).isEqualTo("event: datastar-patch-signals\ndata: signals {\"resetDone\":true}\n\n");
	}

	@Test
	void resetWithBadSignalsIs400() {
		this.client.post().uri("/reset").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"to\":\"five\"}")
			.exchange()
			.expectStatus().isBadRequest()
			.expectBody(String.class).value(body -> assertThat(body).contains("Datastar signal 'to' is invalid"));
	}

	@Controller
	static class CounterController {

		private final AtomicInteger count = new AtomicInteger();

		@GetMapping("/ticks")
		DatastarStream ticks() {
			DatastarStream stream = new DatastarStream();
			Disposable ticking = Flux.interval(Duration.ZERO, Duration.ofMillis(100))
				.subscribe(n -> stream.patchElements("<span id=\"count\">" + this.count.incrementAndGet() + "</span>"));
			stream.onClose(ticking::dispose);
			return stream;
		}

		@PostMapping("/reset")
		DatastarResponse reset(@DatastarSignals Reset signals) {
			this.count.set(signals.to());
			return DatastarResponse.of(DatastarEvents.patchSignals(Map.of("resetDone", true)));
		}

		record Reset(int to) {
		}

	}

}
