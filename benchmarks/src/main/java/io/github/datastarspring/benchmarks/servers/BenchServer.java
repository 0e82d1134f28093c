package io.github.datastarspring.benchmarks.servers;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;

/**
 * Starts one benchmark server: {@code BenchServer <kind> --server.port=<port>}. Every kind serves
 * {@code GET /stream}, {@code POST /publish} and {@code GET /mem} on 127.0.0.1.
 */
public final class BenchServer {

	private static final Map<String, Class<?>> KINDS = Map.of("handrolled-mvc", HandRolledMvc.class,
			"handrolled-webflux", HandRolledWebFlux.class, "starter-mvc-sinks", StarterMvcSinks.class,
			"starter-webflux-sinks", StarterWebFluxSinks.class, "starter-mvc", StarterMvc.class, "starter-webflux",
			StarterWebFlux.class, "starter-mvc-jetty", StarterMvc.class, "starter-mvc-tomcat-tuned", StarterMvc.class);

	private static final String JETTY = "org.springframework.boot.jetty.autoconfigure.servlet.JettyServletWebServerAutoConfiguration,"
			+ "org.springframework.boot.jetty.autoconfigure.reactive.JettyReactiveWebServerAutoConfiguration";

	/**
	 * Which container each kind runs on. Jetty is on the class path for {@code starter-mvc-jetty}
	 * and would win over Tomcat and Netty, so every other kind leaves it out; the Jetty kind leaves
	 * Tomcat out instead. {@code starter-mvc-tomcat-tuned} cuts Tomcat's per-request buffers down for
	 * long-lived async requests (a stream's request never carries large headers after it starts).
	 */
	private static final Map<String, Map<String, Object>> CONTAINER = Map.of("starter-mvc-jetty",
			Map.of("spring.autoconfigure.exclude",
					"org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration"),
			"starter-mvc-tomcat-tuned",
			Map.of("spring.autoconfigure.exclude", JETTY, "server.max-http-request-header-size", "4KB",
					"server.tomcat.max-http-response-header-size", "2KB", "server.tomcat.max-swallow-size", "0",
					"server.tomcat.max-keep-alive-requests", "1"));

	private BenchServer() {
	}

	public static void main(String[] args) {
		Class<?> app = KINDS.get(args[0]);
		if (app == null) {
			throw new IllegalArgumentException("Unknown server kind " + args[0] + "; known: " + KINDS.keySet());
		}
		SpringApplication application = new SpringApplication(app);
		application.setWebApplicationType(
				args[0].contains("webflux") ? WebApplicationType.REACTIVE : WebApplicationType.SERVLET);
		Map<String, Object> defaults = new HashMap<>(Map.of("server.address", "127.0.0.1", "spring.main.banner-mode", "off",
				"logging.level.root", "warn", "server.tomcat.max-connections", "20000", "server.tomcat.accept-count",
				"1000", "spring.mvc.async.request-timeout", "-1", "spring.jmx.enabled", "false"));
		defaults.putAll(CONTAINER.getOrDefault(args[0], Map.of("spring.autoconfigure.exclude", JETTY)));
		application.setDefaultProperties(defaults);
		application.run(Arrays.copyOfRange(args, 1, args.length));
	}

}
