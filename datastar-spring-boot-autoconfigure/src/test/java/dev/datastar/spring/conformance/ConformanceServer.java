package dev.datastar.spring.conformance;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Serves the SDK conformance endpoint {@code /test} for the official test runner:
 * {@code scripts/conformance-server STACK PORT}.
 */
public final class ConformanceServer {

	private ConformanceServer() {
	}

	public static void main(String[] args) {
		if (args.length < 1) {
			throw new IllegalArgumentException("usage: ConformanceServer mvc|webflux [PORT]");
		}
		String stack = args[0];
		String port = (args.length > 1) ? args[1] : "8080";
		switch (stack) {
			case "webflux" -> new SpringApplicationBuilder(ConformanceWebFluxConfiguration.class)
				.web(WebApplicationType.REACTIVE).properties("server.port=" + port).run();
			default -> throw new IllegalArgumentException("unknown stack '" + stack + "' (mvc, webflux)");
		}
		System.out.println("Conformance server (" + stack + ") ready on http://localhost:" + port + "/test");
	}

}
