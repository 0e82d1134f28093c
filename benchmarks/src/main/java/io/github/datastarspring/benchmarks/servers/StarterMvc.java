package io.github.datastarspring.benchmarks.servers;

import io.github.datastarspring.core.DatastarEventEncoder;
import io.github.datastarspring.core.PatchElements;
import io.github.datastarspring.mvc.DatastarEmitter;
import io.github.datastarspring.realtime.DatastarBroadcaster;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The starter on Spring MVC: one {@link DatastarEmitter} per stream, subscribed to a topic of the
 * starter's {@link DatastarBroadcaster}, which encodes each publish once and offers the bytes to
 * every stream's bounded send queue.
 */
@EnableAutoConfiguration
@Import({ BenchController.class, StarterMvc.StreamController.class })
public class StarterMvc {

	static final String TOPIC = "bench";

	@RestController
	static class StreamController implements FanOut {

		private final DatastarBroadcaster broadcaster;

		private final byte[] hello;

		StreamController(DatastarBroadcaster broadcaster, DatastarEventEncoder encoder) {
			this.broadcaster = broadcaster;
			this.hello = encoder.comment("ok");
		}

		@GetMapping("/stream")
		DatastarEmitter stream() {
			DatastarEmitter emitter = new DatastarEmitter();
			emitter.offer(this.hello);
			return this.broadcaster.subscribe(TOPIC, emitter);
		}

		@Override
		public void publish(String html) {
			this.broadcaster.publish(TOPIC, PatchElements.of(html));
		}

		@Override
		public int subscribers() {
			return this.broadcaster.subscriberCount(TOPIC);
		}

	}

}
