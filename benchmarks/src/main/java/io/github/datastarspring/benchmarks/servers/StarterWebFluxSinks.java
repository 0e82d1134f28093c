package io.github.datastarspring.benchmarks.servers;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.datastarspring.core.DatastarEventEncoder;
import io.github.datastarspring.core.PatchElements;
import io.github.datastarspring.webflux.DatastarStream;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The starter's WebFlux {@link DatastarStream} without the real-time hub: each
 * publish encoded once with the starter's encoder and offered to every stream's bounded send
 * queue, written by Netty as the client reads.
 */
@EnableAutoConfiguration
@Import({ BenchController.class, StarterWebFluxSinks.StreamController.class })
public class StarterWebFluxSinks {

	@RestController
	static class StreamController implements FanOut {

		private final Set<DatastarStream> streams = ConcurrentHashMap.newKeySet();

		private final DatastarEventEncoder encoder;

		private final byte[] hello;

		StreamController(DatastarEventEncoder encoder) {
			this.encoder = encoder;
			this.hello = encoder.comment("ok");
		}

		@GetMapping("/stream")
		DatastarStream stream() {
			DatastarStream stream = new DatastarStream();
			stream.offer(this.hello);
			stream.onClose(() -> this.streams.remove(stream));
			this.streams.add(stream);
			return stream;
		}

		@Override
		public void publish(String html) {
			byte[] event = this.encoder.encode(PatchElements.of(html));
			for (DatastarStream stream : this.streams) {
				stream.offerReplacingQueued(event);
			}
		}

		@Override
		public int subscribers() {
			return this.streams.size();
		}

	}

}
