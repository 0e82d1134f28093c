package io.github.datastarspring.docs.readme;

import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.datastarspring.DatastarSignals;
import io.github.datastarspring.core.DatastarEvents;
import io.github.datastarspring.core.DatastarResponse;
import io.github.datastarspring.mvc.DatastarEmitter;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

// tag::controller[]
@Controller
class CounterController {

	private final AtomicInteger count = new AtomicInteger();

	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

	@GetMapping("/")
	String page() {
		return "counter";    // <script ds:client></script> <div data-init="@get('/ticks')"><span id="count"></span></div>
	}

	@GetMapping("/ticks")
	DatastarEmitter ticks() {
		DatastarEmitter emitter = new DatastarEmitter();
		ScheduledFuture<?> ticking = scheduler.scheduleAtFixedRate(() ->
				emitter.patchElements("<span id=\"count\">" + count.incrementAndGet() + "</span>"),
				0, 1, TimeUnit.SECONDS);
		emitter.onClose(() -> ticking.cancel(false));    // the browser left
		return emitter;
	}

	@PostMapping("/reset")
	DatastarResponse reset(@DatastarSignals Reset signals) {
		count.set(signals.to());
		return DatastarResponse.of(DatastarEvents.patchSignals(Map.of("resetDone", true)));
	}

	record Reset(int to) { }

}
// end::controller[]
