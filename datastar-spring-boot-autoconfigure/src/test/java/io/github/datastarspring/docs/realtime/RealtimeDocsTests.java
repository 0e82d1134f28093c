package io.github.datastarspring.docs.realtime;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.github.datastarspring.docs.EventStreamLines;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * docs/realtime.md's controller on Spring MVC: a page's stream gets the full state, then every
 * change a command publishes; the command reads its signals as JSON.
 */
@SpringBootTest(classes = { RealtimeDocsTests.App.class, TodoController.class, TodoRepository.class },
		webEnvironment = WebEnvironment.RANDOM_PORT, properties = "spring.main.web-application-type=servlet")
class RealtimeDocsTests {

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

	}

	@LocalServerPort
	int port;

	@Test
	void aPageSeesTheListThenWhatACommandAdds() throws Exception {
		try (EventStreamLines stream = new EventStreamLines(url("/lists/groceries/updates"))) {
			await().atMost(Duration.ofSeconds(10)).until(() -> stream.text().contains("<h1>groceries</h1>"));
			assertThat(add("{\"title\":\"Milk\"}").statusCode()).isEqualTo(204);
			await().atMost(Duration.ofSeconds(10)).until(() -> stream.text().contains("<li>Milk</li>"));
		}
	}

	@Test
	void aBlankTitleIsAToastThatNamesTheSignal() throws Exception {
		HttpResponse<String> response = add("{\"title\":\"\"}");
		// The client ignores the body of a 400, so the page gets a 200 with a toast; the header keeps the status.
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Datastar-Error-Status")).hasValue("400");
		assertThat(response.body()).startsWith("event: datastar-patch-elements\n")
			.contains("role=\"alert\"")
			.contains("Invalid Datastar signals: &#39;title&#39; must not be blank</div>");
	}

	@Test
	void aBlankTitleFromAnotherCallerIsABadRequestThatNamesTheSignal() throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url("/lists/groceries/todos")))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"\"}"))
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains("'title' must not be blank");
	}

	private HttpResponse<String> add(String signals) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url("/lists/groceries/todos")))
			.header("Datastar-Request", "true")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(signals))
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
