package io.github.datastarspring.webflux;

import io.github.datastarspring.AbstractAbortServerTests;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@link DatastarStream#abort()} on a real Reactor Netty. */
@SpringBootTest(classes = DatastarStreamAbortServerTests.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "datastar.sse.heartbeat=0" })
class DatastarStreamAbortServerTests extends AbstractAbortServerTests {

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(AbortableController.class)
	static class App {

	}

	@RestController
	static class AbortableController {

		@GetMapping("/abortable")
		DatastarStream abortable() {
			return opened(new DatastarStream());
		}

	}

}
