package io.github.datastarspring.mvc;

import io.github.datastarspring.AbstractStreamServerTests;
import io.github.datastarspring.realtime.DatastarBroadcaster;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The stream behaviour suite on a real Tomcat, with {@link DatastarEmitter}. */
@SpringBootTest(classes = MvcStreamServerTests.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "datastar.sse.heartbeat=1s")
class MvcStreamServerTests extends AbstractStreamServerTests {

	@Override
	protected Class<?> application() {
		return App.class;
	}

	@Override
	protected String webApplicationType() {
		return "servlet";
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(StreamsController.class)
	static class App {

	}

	@RestController
	static class StreamsController {

		private final DatastarBroadcaster broadcaster;

		StreamsController(DatastarBroadcaster broadcaster) {
			this.broadcaster = broadcaster;
		}

		@GetMapping("/abortable")
		DatastarEmitter abortable() {
			return opened(new DatastarEmitter());
		}

		@GetMapping("/param")
		void param(DatastarEmitter emitter) {
			opened(emitter);
		}

		@GetMapping("/load")
		DatastarEmitter load() {
			return this.broadcaster.subscribe("load", new DatastarEmitter());
		}

	}

}
