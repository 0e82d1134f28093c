package io.github.datastarspring.benchmarks.servers;

import java.util.Arrays;
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
			StarterWebFlux.class);

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
		application.setDefaultProperties(Map.of("server.address", "127.0.0.1", "spring.main.banner-mode", "off",
				"logging.level.root", "warn", "server.tomcat.max-connections", "20000", "server.tomcat.accept-count",
				"1000", "spring.mvc.async.request-timeout", "-1", "spring.jmx.enabled", "false"));
		application.run(Arrays.copyOfRange(args, 1, args.length));
	}

}
