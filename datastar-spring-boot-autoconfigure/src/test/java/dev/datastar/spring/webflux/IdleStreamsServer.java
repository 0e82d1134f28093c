package dev.datastar.spring.webflux;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Serves the test application on Netty for manual measurements (memory per idle
 * {@link DatastarStream} at {@code /stream}): {@code java -cp ... IdleStreamsServer PORT}.
 */
public final class IdleStreamsServer {

	private IdleStreamsServer() {
	}

	public static void main(String[] args) {
		new SpringApplicationBuilder(WebFluxTestApplication.class).web(WebApplicationType.REACTIVE)
			.properties("server.port=" + ((args.length > 0) ? args[0] : "8080"))
			.run();
	}

}
