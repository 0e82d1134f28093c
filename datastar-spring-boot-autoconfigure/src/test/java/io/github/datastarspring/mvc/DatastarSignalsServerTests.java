package io.github.datastarspring.mvc;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.datastarspring.DatastarSignals;
import io.github.datastarspring.core.DatastarRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code @DatastarSignals} and {@code DatastarRequest} parameters, and the error answers, over real HTTP. */
@SpringBootTest(classes = DatastarSignalsServerTests.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "datastar.signals.max-size=1KB")
class DatastarSignalsServerTests {

	// Plain HTTP on purpose: these requests check status codes and problem bodies, not events.
	private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@LocalServerPort
	int port;

	@Test
	void getAndDeleteReadTheQueryParameter() throws Exception {
		String query = "?datastar=" + URLEncoder.encode("{\"title\":\"Milk & eggs\",\"count\":2,\"other\":true}",
				StandardCharsets.UTF_8);
		assertThat(send("GET", "/record" + query, null).body()).isEqualTo("Milk & eggs x2");
		assertThat(send("DELETE", "/record" + query, null).body()).isEqualTo("Milk & eggs x2");
		// Form encoding: '+' is a space.
		assertThat(send("GET", "/record?datastar=%7B%22title%22:%22a+b%22,%22count%22:1%7D", null).body())
			.isEqualTo("a b x1");
	}

	@Test
	void postPutAndPatchReadTheBody() throws Exception {
		String json = "{\"title\":\"Bread\",\"count\":3,\"_local\":1,\"nested\":{\"deep\":[1,2]}}";
		assertThat(send("POST", "/record", json).body()).isEqualTo("Bread x3");
		assertThat(send("PUT", "/record", json).body()).isEqualTo("Bread x3");
		assertThat(send("PATCH", "/record", json).body()).isEqualTo("Bread x3");
	}

	@Test
	void bindsMapsJsonNodesBeansAndOptionals() throws Exception {
		String json = "{\"title\":\"T\",\"count\":1,\"nested\":{\"deep\":[1,2]}}";
		assertThat(send("POST", "/map", json).body()).isEqualTo("[title, count, nested]");
		assertThat(send("POST", "/node", json).body()).isEqualTo("2");
		assertThat(send("POST", "/bean", json).body()).isEqualTo("T/1");
		assertThat(send("POST", "/optional", "").body()).isEqualTo("none");
		assertThat(send("POST", "/optional", json).body()).isEqualTo("T");
		assertThat(send("GET", "/not-required", null).body()).isEqualTo("null");
		assertThat(send("POST", "/raw", json).body()).isEqualTo(json);
	}

	@Test
	void validationFailuresAre400WithTheFieldErrorsInTheBody() throws Exception {
		HttpResponse<String> response = send("POST", "/valid", "{\"title\":\" \",\"count\":-1}");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("Invalid Datastar signals")
			.contains("'title' must not be blank")
			.contains("'count' must be greater than or equal to 0")
			.contains("\"signal\":\"title\"");
		assertThat(send("POST", "/valid", "{\"title\":\"ok\",\"count\":1}").body()).isEqualTo("ok x1");
	}

	@Test
	void malformedJsonIsA400ThatSaysSo() throws Exception {
		HttpResponse<String> response = send("POST", "/record", "{\"title\": ");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("Datastar signals are not valid JSON").contains("\"type\":\"about:blank\"")
			.contains("\"status\":400").contains("\"instance\":\"/record\"");
		HttpResponse<String> query = send("GET", "/record?datastar=not-json", null);
		assertThat(query.statusCode()).isEqualTo(400);
		assertThat(query.body()).contains("not valid JSON");
	}

	@Test
	void aWrongTypeIsA400NamingTheSignal() throws Exception {
		HttpResponse<String> response = send("POST", "/record", "{\"title\":\"t\",\"count\":\"many\"}");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("Datastar signal 'count' is invalid").contains("\"signal\":\"count\"");
		HttpResponse<String> nested = send("POST", "/bean", "{\"title\":\"t\",\"todo\":{\"done\":{\"x\":1}}}");
		assertThat(nested.statusCode()).isEqualTo(400);
		assertThat(nested.body()).contains("'todo.done'");
	}

	@Test
	void aFormIsNotSignals() throws Exception {
		HttpRequest form = HttpRequest.newBuilder(URI.create(url("/record")))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("title=a&count=1"))
			.build();
		HttpResponse<String> response = HTTP.send(form, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("this request sends a form");
	}

	@Test
	void missingSignalsAreA400() throws Exception {
		HttpResponse<String> get = send("GET", "/record", null);
		assertThat(get.statusCode()).isEqualTo(400);
		assertThat(get.body()).contains("'datastar' query parameter is missing");
		HttpResponse<String> post = send("POST", "/record", "");
		assertThat(post.statusCode()).isEqualTo(400);
		assertThat(post.body()).contains("request body is empty");
	}

	@Test
	void oversizedSignalsAreA413() throws Exception {
		String big = "{\"title\":\"" + "x".repeat(2000) + "\",\"count\":1}";
		HttpResponse<String> withLength = send("POST", "/record", big);
		assertThat(withLength.statusCode()).isEqualTo(413);
		assertThat(withLength.body()).contains("larger than the limit of 1024 bytes");
		// Chunked: no Content-Length, so the limit is enforced while reading.
		HttpRequest chunked = HttpRequest.newBuilder(URI.create(url("/record")))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))))
			.build();
		HttpResponse<String> streamed = HTTP.send(chunked, HttpResponse.BodyHandlers.ofString());
		assertThat(streamed.statusCode()).isEqualTo(413);
		assertThat(streamed.body()).contains("larger than the limit");
		HttpResponse<String> query = send("GET", "/record?datastar=" + URLEncoder.encode(big, StandardCharsets.UTF_8), null);
		assertThat(query.statusCode()).isEqualTo(413);
	}

	@Test
	void datastarRequestCarriesTheClientHeaders() throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url("/request")))
			.header("Datastar-Request", "true")
			.header("Last-Event-ID", "42")
			.build();
		assertThat(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body()).isEqualTo("true 42");
		HttpRequest plain = HttpRequest.newBuilder(URI.create(url("/request"))).build();
		assertThat(HTTP.send(plain, HttpResponse.BodyHandlers.ofString()).body()).isEqualTo("false null");
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private HttpResponse<String> send(String method, String path, String body) throws Exception {
		// Not a Datastar request: errors keep their status and problem body (see AbstractDatastarErrorsServerTests).
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)));
		if (body == null) {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		else {
			request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	record Todo(String title, int count) {
	}

	record ValidTodo(@NotBlank String title, @Min(0) int count) {
	}

	public static class TodoBean {

		private String title;

		private int count;

		private Map<String, Boolean> todo;

		public String getTitle() {
			return this.title;
		}

		public void setTitle(String title) {
			this.title = title;
		}

		public int getCount() {
			return this.count;
		}

		public void setCount(int count) {
			this.count = count;
		}

		public Map<String, Boolean> getTodo() {
			return this.todo;
		}

		public void setTodo(Map<String, Boolean> todo) {
			this.todo = todo;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(SignalsController.class)
	static class App {

	}

	@RestController
	static class SignalsController {

		@GetMapping("/record")
		String getRecord(@DatastarSignals Todo todo) {
			return todo.title() + " x" + todo.count();
		}

		@PostMapping("/record")
		String postRecord(@DatastarSignals Todo todo) {
			return todo.title() + " x" + todo.count();
		}

		@DeleteMapping("/record")
		String deleteRecord(@DatastarSignals Todo todo) {
			return todo.title() + " x" + todo.count();
		}

		@PutMapping("/record")
		String putRecord(@DatastarSignals Todo todo) {
			return todo.title() + " x" + todo.count();
		}

		@PatchMapping("/record")
		String patchRecord(@DatastarSignals Todo todo) {
			return todo.title() + " x" + todo.count();
		}

		@PostMapping("/map")
		String map(@DatastarSignals Map<String, Object> signals) {
			return signals.keySet().toString();
		}

		@PostMapping("/node")
		String node(@DatastarSignals JsonNode signals) {
			return String.valueOf(signals.path("nested").path("deep").size());
		}

		@PostMapping("/bean")
		String bean(@DatastarSignals TodoBean signals) {
			return signals.getTitle() + "/" + signals.getCount();
		}

		@PostMapping("/raw")
		String raw(@DatastarSignals String json) {
			return json;
		}

		@PostMapping("/optional")
		String optional(@DatastarSignals Optional<Todo> signals) {
			return signals.map(Todo::title).orElse("none");
		}

		@GetMapping("/not-required")
		String notRequired(@DatastarSignals(required = false) Todo signals) {
			return String.valueOf(signals);
		}

		@PostMapping("/valid")
		String valid(@DatastarSignals @Valid ValidTodo todo) {
			return todo.title() + " x" + todo.count();
		}

		@GetMapping("/request")
		String request(DatastarRequest request) {
			return request.datastarRequest() + " " + request.lastEventId();
		}

	}

}
