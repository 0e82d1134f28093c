package io.github.datastarspring.docs.mvc;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.datastarspring.DatastarSignals;
import io.github.datastarspring.core.DatastarEvents;
import io.github.datastarspring.core.DatastarResponse;
import io.github.datastarspring.mvc.DatastarEmitter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

// tag::controller[]
@RestController
class CounterController {

	record Counter(@Min(0) int count) { }

	private final Set<DatastarEmitter> watchers = ConcurrentHashMap.newKeySet();

	@GetMapping("/counter/stream")             // data-init="@get('/counter/stream')"
	DatastarEmitter stream() {
		DatastarEmitter emitter = new DatastarEmitter();
		emitter.patchElements("<p id=\"status\">connected</p>");   // kept until the stream opens
		watchers.add(emitter);
		emitter.onClose(() -> watchers.remove(emitter));
		return emitter;
	}

	@PostMapping("/counter")                    // data-on:click="@post('/counter')"
	DatastarResponse increment(@DatastarSignals @Valid Counter signals) {
		int next = signals.count() + 1;
		watchers.forEach(w -> w.patchSignals(Map.of("count", next)));  // never blocks
		return DatastarResponse.of(DatastarEvents.patchSignals(Map.of("count", next)));
	}
}
// end::controller[]
