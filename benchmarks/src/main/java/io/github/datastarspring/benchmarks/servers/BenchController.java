package io.github.datastarspring.benchmarks.servers;

import java.lang.management.ManagementFactory;

import io.github.datastarspring.benchmarks.Payloads;
import io.github.datastarspring.benchmarks.compression.TodoPage;

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

	private final TodoPage todos = new TodoPage();

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

	/**
	 * Publishes {@code count} TodoMVC fat morphs (100 todos, one toggled per event), one after the
	 * other on the calling thread: the stream whose bytes on the wire the compression run measures.
	 */
	@PostMapping("/publish-todos")
	String publishTodos(@RequestParam(defaultValue = "100") int count) {
		for (int i = 0; i < count; i++) {
			this.todos.toggle(i * 37);
			this.fanOut.publish(this.todos.render());
		}
		return "published " + count + "\n";
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
