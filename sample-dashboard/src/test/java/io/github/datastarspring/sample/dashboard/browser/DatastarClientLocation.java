package io.github.datastarspring.sample.dashboard.browser;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The Datastar client for browser tests, from {@code DATASTAR_CLIENT_URL}: a URL, or a file the
 * application under test serves itself (same origin). Unset means the browser tests skip.
 */
final class DatastarClientLocation {

	static final String VARIABLE = "DATASTAR_CLIENT_URL";

	private DatastarClientLocation() {
	}

	/** The configured location, or {@code null}. */
	static String get() {
		String value = System.getenv(VARIABLE);
		return (value == null || value.isBlank()) ? null : value.trim();
	}

	/** Points {@code datastar.client.url} at the client, adding the file's folder to the static resources. */
	static void register(DynamicPropertyRegistry registry) {
		String location = get();
		if (location == null) {
			return;
		}
		if (location.startsWith("http://") || location.startsWith("https://")) {
			registry.add("datastar.client.url", () -> location);
			return;
		}
		Path file = location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
		if (!Files.isRegularFile(file)) {
			throw new IllegalStateException(VARIABLE + " is not a file: " + file.toAbsolutePath());
		}
		registry.add("spring.web.resources.static-locations",
				() -> "classpath:/static/," + file.toAbsolutePath().getParent().toUri());
		registry.add("datastar.client.url", () -> "/" + file.getFileName());
	}

}
