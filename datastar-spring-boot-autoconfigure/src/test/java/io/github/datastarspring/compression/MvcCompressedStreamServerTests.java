package io.github.datastarspring.compression;

import io.github.datastarspring.mvc.DatastarEmitter;
import io.github.datastarspring.realtime.DatastarBroadcaster;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Compressed streams on a real Tomcat, with {@link DatastarEmitter} and the default compression bean. */
@SpringBootTest(classes = MvcCompressedStreamServerTests.App.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.main.web-application-type=servlet")
class MvcCompressedStreamServerTests extends AbstractCompressedStreamServerTests {

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(StreamController.class)
	static class App {

	}

	@RestController
	static class StreamController {

		private final DatastarBroadcaster hub;

		StreamController(DatastarBroadcaster hub) {
			this.hub = hub;
		}

		@GetMapping("/compressed")
		DatastarEmitter compressed() {
			return this.hub.subscribe(TOPIC, new DatastarEmitter());
		}

	}

}
