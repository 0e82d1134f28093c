package io.github.datastarspring.mvc;

import io.github.datastarspring.test.LiveEventStream;
import io.github.datastarspring.test.LiveEventStream.Ending;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/** Two applications in one JVM with different {@code datastar.sse.*} settings: each stream gets its own. */
class StreamSettingsPerContextTests {

	@Test
	void eachApplicationContextGivesItsStreamsItsOwnSettings() throws Exception {
		try (ConfigurableApplicationContext small = start("datastar.sse.send-queue-size=2",
				"datastar.sse.timeout=300ms");
				ConfigurableApplicationContext large = start("datastar.sse.send-queue-size=5")) {
			// open() returns once the response headers are in.
			try (LiveEventStream fromSmall = LiveEventStream.connect("http://localhost:" + port(small) + "/sends").open();
					LiveEventStream fromLarge = LiveEventStream.connect("http://localhost:" + port(large) + "/sends").open()) {
				// Six sends before the handler returned: each application's own queue bound applied.
				assertThat(fromSmall.header("X-Accepted")).isEqualTo("2");
				assertThat(fromLarge.header("X-Accepted")).isEqualTo("5");
				// Only the first application has a timeout.
				assertThat(fromSmall.awaitEnd()).isEqualTo(Ending.COMPLETED);
				assertThat(fromSmall.rawResponse()).endsWith("\r\n0\r\n\r\n");
				assertThat(fromLarge.rawResponse()).doesNotContain("\r\n0\r\n\r\n");
				assertThat(small.getBean(io.github.datastarspring.core.internal.StreamSupport.class).openStreams())
					.isZero();
				assertThat(large.getBean(io.github.datastarspring.core.internal.StreamSupport.class).openStreams())
					.isEqualTo(1);
			}
		}
	}

	private static ConfigurableApplicationContext start(String... properties) {
		return new SpringApplicationBuilder(App.class).web(WebApplicationType.SERVLET)
			.properties("server.port=0", "datastar.sse.heartbeat=0")
			.properties(properties)
			.run();
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(SendsController.class)
	static class App {

	}

	@RestController
	static class SendsController {

		@GetMapping("/sends")
		DatastarEmitter sends(HttpServletResponse response) {
			DatastarEmitter emitter = new DatastarEmitter();
			int accepted = 0;
			for (int i = 0; i < 6; i++) {
				if (emitter.patchSignals("{\"n\":" + i + "}")) {
					accepted++;
				}
			}
			response.setHeader("X-Accepted", Integer.toString(accepted));
			return emitter;
		}

	}

}
