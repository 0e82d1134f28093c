package io.github.datastarspring.sample.todomvc;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Where browser tests load the Datastar client from: the {@code DATASTAR_CLIENT_URL} environment
 * variable, a file path (served same-origin from its folder) or a URL. Nothing is downloaded.
 */
final class DatastarClient {

	static final String ENVIRONMENT_VARIABLE = "DATASTAR_CLIENT_URL";

	private DatastarClient() {
	}

	/** The configured location, or {@code null} when browser tests must skip. */
	static String location() {
		String location = System.getenv(ENVIRONMENT_VARIABLE);
		return (location == null || location.isBlank()) ? null : location.trim();
	}

	/** Points {@code datastar.client.url} at the client, serving a local file from the app itself. */
	static void register(DynamicPropertyRegistry registry) {
		String location = location();
		if (location == null) {
			return;
		}
		if (location.startsWith("http://") || location.startsWith("https://")) {
			registry.add("datastar.client.url", () -> location);
			return;
		}
		Path file = location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
		if (!Files.isRegularFile(file)) {
			throw new IllegalStateException(ENVIRONMENT_VARIABLE + " names no file: " + file.toAbsolutePath());
		}
		Path folder = file.toAbsolutePath().getParent();
		registry.add("spring.web.resources.static-locations",
				() -> "classpath:/static/," + folder.toUri());
		registry.add("datastar.client.url", () -> "/" + file.getFileName());
	}

}
