package io.github.datastarspring.sample.dashboard.demo;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The "application" being monitored: an API whose requests the dashboard counts and times
 * (through Micrometer's {@code http.server.requests}). The built-in load generator calls it.
 */
@RestController
class DemoApiController {

	private final DemoTraffic traffic;

	DemoApiController(DemoTraffic traffic) {
		this.traffic = traffic;
	}

	@GetMapping("/api/checkout")
	Mono<ResponseEntity<Map<String, Object>>> checkout() {
		boolean fails = this.traffic.nextFails();
		return Mono.delay(this.traffic.nextLatency()).map((tick) -> fails
				? ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Map.of("error", "payment provider timeout"))
				: ResponseEntity.ok(Map.of("order", ThreadLocalRandom.current().nextInt(1_000_000))));
	}

	/** Degrades the API for a while, so the dashboard has something to alert about. */
	@PostMapping("/incident")
	ResponseEntity<Void> incident() {
		this.traffic.startIncident();
		return ResponseEntity.noContent().build();
	}

}
