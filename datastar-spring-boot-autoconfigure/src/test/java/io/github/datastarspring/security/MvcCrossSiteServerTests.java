package io.github.datastarspring.security;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@SpringBootTest(classes = MvcCrossSiteServerTests.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.main.web-application-type=servlet")
class MvcCrossSiteServerTests extends AbstractCrossSiteServerTests {

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(Commands.class)
	static class App {

	}

	@RestController
	static class Commands {

		@PostMapping("/command")
		String command() {
			commands.incrementAndGet();
			return "done";
		}

	}

}
