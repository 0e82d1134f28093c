package io.github.datastarspring.benchmarks.servers;

import java.lang.management.ManagementFactory;

import io.github.datastarspring.benchmarks.Payloads;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The endpoints every benchmark server shares, on MVC and WebFlux alike: {@code /publish} and {@code /mem}. */
@RestController
class BenchController {

	private final FanOut fanOut;

	private final PublishLoop loop = new PublishLoop();

	BenchController(FanOut fanOut) {
		this.fanOut = fanOut;
	}

	@PostMapping("/publish")
	ResponseEntity<String> publish(@RequestParam(defaultValue = "10") double rate,
			@RequestParam(defaultValue = "1") int count, @RequestParam(defaultValue = "1024") int bytes,
			@RequestParam(defaultValue = "20") int lines, @RequestParam(defaultValue = "60") double seconds) {
		String html = Payloads.html(lines, bytes);
		if (!this.loop.start(this.fanOut, rate, count, seconds, html)) {
			return ResponseEntity.status(HttpStatus.CONFLICT).body("already publishing\n");
		}
		return ResponseEntity.accepted().body("started\n");
	}

	@GetMapping("/status")
	String status() {
		return "subscribers=" + this.fanOut.subscribers() + " publishing=" + this.loop.isRunning() + "\n";
	}

	/** Heap in use after a full GC, for the memory-per-stream figure. */
	@GetMapping("/mem")
	String mem() {
		System.gc();
		System.gc();
		long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
		return "heap=" + heap + " subscribers=" + this.fanOut.subscribers() + " publishing=" + this.loop.isRunning()
				+ "\n";
	}

}
