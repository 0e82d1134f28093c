package io.github.datastarspring.sample.todomvc;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A TodoMVC instance started by a test itself, with profile {@code postgres} on the given database,
 * serving the Datastar client of {@code DATASTAR_CLIENT_URL} when it is set.
 */
final class TodoMvcInstance {

	private TodoMvcInstance() {
	}

	/** @param port the port, or 0 for a free one */
	static ConfigurableApplicationContext start(String database, int port) {
		List<String> args = new ArrayList<>(arguments(database, port));
		String client = DatastarClient.location();
		if (client != null) {
			Path file = Path.of(client).toAbsolutePath();
			args.add("--spring.web.resources.static-locations=classpath:/static/," + file.getParent().toUri());
			args.add("--datastar.client.url=/" + file.getFileName());
		}
		return new SpringApplicationBuilder(TodoMvcApplication.class).run(args.toArray(String[]::new));
	}

	/** The command-line arguments of such an instance, also for one started in its own process. */
	static List<String> arguments(String database, int port) {
		return List.of("--spring.profiles.active=postgres", "--server.port=" + port,
				"--spring.datasource.url=" + database, "--datastar.realtime.postgres.poll-interval=500ms");
	}

	static String base(ConfigurableApplicationContext context) {
		return "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
	}

}
