package io.github.datastarspring.mvc;

import io.github.datastarspring.AbstractAbortServerTests;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@link DatastarEmitter#abort()} on a real Tomcat. */
@SpringBootTest(classes = DatastarEmitterAbortServerTests.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "datastar.sse.heartbeat=0")
class DatastarEmitterAbortServerTests extends AbstractAbortServerTests {

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(AbortableController.class)
	static class App {

	}

	@RestController
	static class AbortableController {

		@GetMapping("/abortable")
		DatastarEmitter abortable() {
			return opened(new DatastarEmitter());
		}

	}

}
