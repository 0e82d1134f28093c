package io.github.datastarspring.docs.thymeleaf;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.datastarspring.DatastarClientProperties;
import io.github.datastarspring.core.PatchElements;
import io.github.datastarspring.docs.EventStreamLines;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * docs/thymeleaf.md: a fragment streamed as an event, the renderer bean, and what the client script
 * tag renders by default and with a URL of your own.
 */
class ThymeleafDocsTests {

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

	}

	static String get(String url) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
			.body();
	}

	// DATASTAR_CLIENT_URL, when set for the browser tests, is datastar.client.url too: name the default.
	@Nested
	@SpringBootTest(classes = { App.class, TodoStreamController.class }, webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = "datastar.client.url=" + DatastarClientProperties.DEFAULT_URL)
	class Defaults {

		@LocalServerPort
		int port;

		@Autowired
		TodoStreamController controller;

		@Test
		void theFragmentIsStreamedAsAPatchElementsEvent() {
			try (EventStreamLines stream = new EventStreamLines("http://localhost:" + this.port + "/todos/stream")) {
				await().atMost(Duration.ofSeconds(10)).until(() -> stream.text().contains("data: elements </ul>"));
				assertThat(stream.text()).contains("event: datastar-patch-elements\ndata: elements <ul id=\"todos\">")
					.contains("<li id=\"todo-2\">")
					.contains("&lt;b&gt;Ship&lt;/b&gt; it");
			}
		}

		@Test
		void theRendererGivesTheHtmlOrTheEvent() {
			List<Object> both = this.controller.renderBothWays(Map.of("todos", List.of(new Todo(7, "Read"))));
			assertThat((String) both.get(0)).startsWith("<ul id=\"todos\">").contains("href=\"/todos/7\"");
			assertThat(((PatchElements) both.get(1)).elements()).isEqualTo(both.get(0));
		}

		@Test
		void theClientTagRendersAsTheDocsShow() throws Exception {
			List<String> expected = Files.readAllLines(Path.of("src/test/resources/docs/client-script-default.html"));
			String tag = expected.get(expected.indexOf("<!-- tag::rendered[] -->") + 1);
			assertThat(get("http://localhost:" + this.port + "/client")).contains(tag);
		}

	}

	@Nested
	@SpringBootTest(classes = { App.class, TodoStreamController.class }, webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = "server.servlet.context-path=/app")
	@TestPropertySource(locations = "classpath:docs/own-client.properties")
	class OwnCopy {

		@LocalServerPort
		int port;

		@Test
		void aSlashUrlGetsTheContextPathAndNoIntegrity() throws Exception {
			assertThat(get("http://localhost:" + this.port + "/app/client"))
				.contains("<script type=\"module\" src=\"/app/js/datastar.js\"></script>");
		}

	}

}
