package io.github.datastarspring.realtime;

import io.github.datastarspring.core.DatastarRequest;
import io.github.datastarspring.webflux.DatastarStream;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The broadcaster on Netty with {@link DatastarStream} streams. */
@SpringBootTest(classes = WebFluxRealtimeServerTests.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "datastar.sse.heartbeat=200ms", "datastar.sse.send-queue-size=256",
				"datastar.realtime.replay-buffer-size=1000" })
class WebFluxRealtimeServerTests extends AbstractRealtimeServerTests {

	@Override
	SpringApplicationBuilder application() {
		return new SpringApplicationBuilder(App.class).web(WebApplicationType.REACTIVE).properties(PROPERTIES);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(StreamController.class)
	static class App {

		@Bean
		RealtimeTopics realtimeTopics(DatastarBroadcaster broadcaster) {
			return new RealtimeTopics(broadcaster);
		}

	}

	@RestController
	static class StreamController {

		private final DatastarBroadcaster broadcaster;

		private final RealtimeTopics topics;

		StreamController(DatastarBroadcaster broadcaster, RealtimeTopics topics) {
			this.broadcaster = broadcaster;
			this.topics = topics;
		}

		@GetMapping("/rt/{topic}")
		DatastarStream stream(@PathVariable String topic, DatastarRequest request) {
			return this.broadcaster.subscribe(topic, new DatastarStream(), request, this.topics.snapshot(topic));
		}

	}

}
