package io.github.datastarspring.benchmarks.servers;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The peer WebFlux users write today: one {@code Sinks.many().multicast().directBestEffort()}
 * shared by every stream, each returning {@code Flux<ServerSentEvent<String>>}.
 */
@EnableAutoConfiguration
@Import({ BenchController.class, HandRolledWebFlux.StreamController.class })
public class HandRolledWebFlux {

	@RestController
	static class StreamController implements FanOut {

		private final Sinks.Many<ServerSentEvent<String>> sink = Sinks.many().multicast().directBestEffort();

		@GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
		Flux<ServerSentEvent<String>> stream() {
			return this.sink.asFlux().startWith(ServerSentEvent.<String>builder().comment("ok").build());
		}

		@Override
		public void publish(String html) {
			String data = "elements " + html.replace("\n", "\nelements ");
			this.sink.tryEmitNext(ServerSentEvent.builder(data).event("datastar-patch-elements").build());
		}

		@Override
		public int subscribers() {
			return this.sink.currentSubscriberCount();
		}

	}

}
