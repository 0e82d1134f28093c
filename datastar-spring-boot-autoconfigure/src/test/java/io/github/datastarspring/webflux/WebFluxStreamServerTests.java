package io.github.datastarspring.webflux;

import io.github.datastarspring.AbstractStreamServerTests;
import io.github.datastarspring.realtime.DatastarBroadcaster;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The stream behaviour suite on a real Reactor Netty, with {@link DatastarStream}. */
@SpringBootTest(classes = WebFluxStreamServerTests.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "datastar.sse.heartbeat=1s" })
class WebFluxStreamServerTests extends AbstractStreamServerTests {

	@Override
	protected Class<?> application() {
		return App.class;
	}

	@Override
	protected String webApplicationType() {
		return "reactive";
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
		DatastarStream abortable() {
			return opened(new DatastarStream());
		}

		@GetMapping("/param")
		void param(DatastarStream emitter) {
			opened(emitter);
		}

		@GetMapping("/load")
		DatastarStream load() {
			return this.broadcaster.subscribe("load", new DatastarStream());
		}

	}

}
