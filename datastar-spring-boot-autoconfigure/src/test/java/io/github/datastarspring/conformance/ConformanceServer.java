package io.github.datastarspring.conformance;

import java.util.List;

import io.github.datastarspring.DatastarSignals;
import io.github.datastarspring.core.DatastarEvent;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * The test server of the official Datastar SDK conformance suite: {@code /test} replays the events
 * described by the signals it receives. {@code scripts/conformance-server STACK PORT} runs it; tests
 * start it in-process with {@link #start}.
 *
 * <p>One {@code @Configuration} per stack, no component scanning.
 */
public final class ConformanceServer {

	private ConformanceServer() {
	}

	public static void main(String[] args) {
		String stack = (args.length > 0) ? args[0] : "mvc";
		int port = (args.length > 1) ? Integer.parseInt(args[1]) : 8080;
		ConfigurableApplicationContext context = start(stack, port);
		System.out.println("conformance server (" + stack + ") ready on http://localhost:" + port(context) + "/test");
	}

	/** Starts the server of {@code stack} ({@code mvc} or {@code webflux}) on {@code port} (0 for any free port). */
	public static ConfigurableApplicationContext start(String stack, int port) {
		SpringApplication application = switch (stack) {
			case "mvc" -> new SpringApplication(Mvc.class);
			case "webflux" -> new SpringApplication(ConformanceWebFluxConfiguration.class);
			default -> throw new IllegalArgumentException("Unknown stack '" + stack + "': expected mvc or webflux");
		};
		application.setWebApplicationType(switch (stack) {
			case "mvc" -> WebApplicationType.SERVLET;
			default -> WebApplicationType.REACTIVE;
		});
		application.setBannerMode(org.springframework.boot.Banner.Mode.OFF);
		return application.run("--server.port=" + port, "--datastar.sse.heartbeat=0",
				"--spring.thymeleaf.check-template-location=false", "--logging.level.root=WARN");
	}

	/** The port the server listens on. */
	public static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(MvcTestController.class)
	static class Mvc {

	}

	@RestController
	static class MvcTestController {

		@RequestMapping(path = "/test", method = { RequestMethod.GET, RequestMethod.POST, RequestMethod.PUT,
				RequestMethod.PATCH, RequestMethod.DELETE })
		List<DatastarEvent> test(@DatastarSignals JsonNode input) {
			return ConformanceEvents.from(input);
		}

		@ExceptionHandler(IllegalArgumentException.class)
		ResponseEntity<String> badInput(IllegalArgumentException ex) {
			return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(ex.getMessage());
		}

	}

}
