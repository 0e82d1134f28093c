package io.github.datastarspring.realtime;

import io.github.datastarspring.core.DatastarRequest;
import io.github.datastarspring.mvc.DatastarEmitter;

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

/** The broadcaster on Tomcat with {@link DatastarEmitter} streams. */
@SpringBootTest(classes = MvcRealtimeServerTests.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "datastar.sse.heartbeat=200ms", "datastar.sse.send-queue-size=256",
				"datastar.realtime.replay-buffer-size=1000" })
class MvcRealtimeServerTests extends AbstractRealtimeServerTests {

	@Override
	SpringApplicationBuilder application() {
		return new SpringApplicationBuilder(App.class).web(WebApplicationType.SERVLET).properties(PROPERTIES);
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
		DatastarEmitter stream(@PathVariable String topic, DatastarRequest request) {
			return this.broadcaster.subscribe(topic, new DatastarEmitter(), request, this.topics.snapshot(topic));
		}

	}

}
