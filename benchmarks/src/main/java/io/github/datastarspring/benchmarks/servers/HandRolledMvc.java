package io.github.datastarspring.benchmarks.servers;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The peer Spring MVC users write today: an {@code SseEmitter} without timeout per stream in a
 * {@code CopyOnWriteArraySet}, the event formatted once per publish, a loop of {@code send}, failed
 * emitters removed.
 */
@EnableAutoConfiguration
@Import({ BenchController.class, HandRolledMvc.StreamController.class })
public class HandRolledMvc {

	@RestController
	static class StreamController implements FanOut {

		private final Set<SseEmitter> emitters = new CopyOnWriteArraySet<>();

		@GetMapping("/stream")
		SseEmitter stream() throws IOException {
			SseEmitter emitter = new SseEmitter(0L);
			emitter.onCompletion(() -> this.emitters.remove(emitter));
			emitter.onError((ex) -> this.emitters.remove(emitter));
			emitter.send(SseEmitter.event().comment("ok"));
			this.emitters.add(emitter);
			return emitter;
		}

		@Override
		public void publish(String html) {
			StringBuilder data = new StringBuilder(html.length() + 512);
			data.append("elements ").append(html.replace("\n", "\nelements "));
			Set<DataWithMediaType> event = SseEmitter.event()
				.name("datastar-patch-elements")
				.data(data.toString())
				.build();
			for (SseEmitter emitter : this.emitters) {
				try {
					emitter.send(event);
				}
				catch (IOException | IllegalStateException ex) {
					this.emitters.remove(emitter);
				}
			}
		}

		@Override
		public int subscribers() {
			return this.emitters.size();
		}

	}

}
