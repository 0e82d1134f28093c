package io.github.datastarspring.sample.todomvc;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.event.EventListener;

/** Multiplayer TodoMVC on Spring MVC and Datastar. */
@SpringBootApplication
@EnableConfigurationProperties(TodoLimits.class)
public class TodoMvcApplication {

	private static final Log logger = LogFactory.getLog(TodoMvcApplication.class);

	/** Todos in memory: nothing to install. Profile {@code postgres} keeps them in PostgreSQL instead. */
	@Bean
	@Profile("!postgres")
	TodoStore todoStore(TodoLimits limits) {
		return new InMemoryTodoStore(limits);
	}

	@Bean
	@Profile("postgres")
	TodoStore jdbcTodoStore(JdbcClient jdbc, TodoLimits limits) {
		return new JdbcTodoStore(jdbc, limits);
	}

	/** Says where to point the browser, once the server listens. */
	@EventListener
	void printUrl(WebServerInitializedEvent event) {
		String contextPath = event.getApplicationContext().getEnvironment().getProperty("server.servlet.context-path", "");
		logger.info("TodoMVC is running at http://localhost:" + event.getWebServer().getPort() + contextPath + "/");
	}

	public static void main(String[] args) {
		SpringApplication.run(TodoMvcApplication.class, args);
	}

}
