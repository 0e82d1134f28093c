package io.github.datastarspring.docs.webflux;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;

import io.github.datastarspring.core.DatastarEvents;
import io.github.datastarspring.webflux.DatastarServerSentEvents;
import reactor.core.publisher.Flux;

import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

// tag::controller[]
@RestController
class ClockController {

	private final DatastarServerSentEvents sse;

	ClockController(DatastarServerSentEvents sse) { this.sse = sse; }

	@GetMapping("/clock")
	Flux<ServerSentEvent<String>> clock() {
		return sse.from(Flux.interval(Duration.ofSeconds(1))
				.map(n -> DatastarEvents.patchElements("<span id=\"clock\">" + LocalTime.now() + "</span>")));
	}

	@GetMapping("/hello")
	Flux<ServerSentEvent<String>> hello() {
		return sse.builder().patchElements("<p id=\"hello\">Hello</p>").patchSignals(Map.of("seen", true)).build();
	}
}
// end::controller[]
