package io.github.datastarspring.docs.gettingstarted;

// tag::controller[]
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.github.datastarspring.mvc.DatastarEmitter;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class ClockController {

	// LocalTime.toString() leaves out zero seconds: "12:00" one second, "12:00:01" the next
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

	private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();

	@GetMapping("/")
	String page() {
		return "clock";
	}

	@GetMapping("/clock/stream")
	DatastarEmitter stream() {
		DatastarEmitter emitter = new DatastarEmitter();
		ScheduledFuture<?> ticks = ticker.scheduleAtFixedRate(
				() -> emitter.patchTemplate("clock :: time", Map.of("now", LocalTime.now().format(TIME))),
				0, 1, TimeUnit.SECONDS);
		emitter.onClose(() -> ticks.cancel(false));
		return emitter;
	}

}
// end::controller[]
