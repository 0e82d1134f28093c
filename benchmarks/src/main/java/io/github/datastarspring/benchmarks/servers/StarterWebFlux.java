package io.github.datastarspring.benchmarks.servers;

import io.github.datastarspring.core.DatastarEventEncoder;
import io.github.datastarspring.core.PatchElements;
import io.github.datastarspring.realtime.DatastarBroadcaster;
import io.github.datastarspring.webflux.DatastarStream;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The starter on WebFlux: one {@link DatastarStream} per stream, subscribed to a topic of the
 * starter's {@link DatastarBroadcaster}.
 */
@EnableAutoConfiguration
@Import({ BenchController.class, StarterWebFlux.StreamController.class })
public class StarterWebFlux {

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
		DatastarStream stream() {
			DatastarStream stream = new DatastarStream();
			stream.offer(this.hello);
			return this.broadcaster.subscribe(TOPIC, stream);
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
