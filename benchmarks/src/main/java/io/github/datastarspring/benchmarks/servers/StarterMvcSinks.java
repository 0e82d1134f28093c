package io.github.datastarspring.benchmarks.servers;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.datastarspring.core.DatastarEventEncoder;
import io.github.datastarspring.core.PatchElements;
import io.github.datastarspring.mvc.DatastarEmitter;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The starter's {@link DatastarEmitter} without the real-time hub: the hand-rolled loop, but each
 * publish encoded once with the starter's encoder and offered to every emitter's bounded send
 * queue (written by the starter's writer pool; a sender never blocks on a socket).
 */
@EnableAutoConfiguration
@Import({ BenchController.class, StarterMvcSinks.StreamController.class })
public class StarterMvcSinks {

	@RestController
	static class StreamController implements FanOut {

		private final Set<DatastarEmitter> emitters = ConcurrentHashMap.newKeySet();

		private final DatastarEventEncoder encoder;

		private final byte[] hello;

		StreamController(DatastarEventEncoder encoder) {
			this.encoder = encoder;
			this.hello = encoder.comment("ok");
		}

		@GetMapping("/stream")
		DatastarEmitter stream() {
			DatastarEmitter emitter = new DatastarEmitter();
			emitter.offer(this.hello);
			emitter.onClose(() -> this.emitters.remove(emitter));
			this.emitters.add(emitter);
			return emitter;
		}

		@Override
		public void publish(String html) {
			byte[] event = this.encoder.encode(PatchElements.of(html));
			for (DatastarEmitter emitter : this.emitters) {
				emitter.offerReplacingQueued(event);
			}
		}

		@Override
		public int subscribers() {
			return this.emitters.size();
		}

	}

}
