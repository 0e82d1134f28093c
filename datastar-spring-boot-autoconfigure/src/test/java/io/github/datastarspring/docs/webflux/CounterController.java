package io.github.datastarspring.docs.webflux;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.datastarspring.DatastarSignals;
import io.github.datastarspring.core.DatastarEvent;
import io.github.datastarspring.core.DatastarEvents;
import io.github.datastarspring.core.DatastarResponse;
import io.github.datastarspring.webflux.DatastarStream;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import reactor.core.publisher.Flux;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

// tag::controller[]
@RestController
class CounterController {

	record Counter(@Min(0) int count) { }

	private final Set<DatastarStream> watchers = ConcurrentHashMap.newKeySet();

	@GetMapping("/counter/stream")             // data-init="@get('/counter/stream')"
	DatastarStream stream() {
		DatastarStream stream = new DatastarStream();
		stream.patchElements("<p id=\"status\">connected</p>");   // kept until the stream opens
		watchers.add(stream);
		stream.onClose(() -> watchers.remove(stream));
		return stream;
	}

	@PostMapping("/counter")                    // data-on:click="@post('/counter')"
	DatastarResponse increment(@DatastarSignals @Valid Counter signals) {
		int next = signals.count() + 1;
		watchers.forEach(w -> w.patchSignals(Map.of("count", next)));  // never blocks
		return DatastarResponse.of(DatastarEvents.patchSignals(Map.of("count", next)));
	}
	// end::controller[]

	// tag::ticks[]
	@GetMapping("/ticks")
	Flux<DatastarEvent> ticks() {
		return Flux.interval(Duration.ZERO, Duration.ofSeconds(1))
			.onBackpressureDrop()
			.map(n -> DatastarEvents.patchElements("<span id=\"ticks\">" + n + "</span>"));
	}
	// end::ticks[]

// tag::controller[]
}
// end::controller[]

