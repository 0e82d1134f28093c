package io.github.datastarspring.sample.todomvc;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.UUID;

import io.github.datastarspring.test.DatastarHttpRequests;
import io.github.datastarspring.test.ReceivedEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.github.datastarspring.test.DatastarAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command, and every kind of bad input, over HTTP as the Datastar client sends them: signals
 * as the JSON body, {@code Datastar-Request: true}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class TodoControllerTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private TodoStore store;

	private String list;

	@BeforeEach
	void freshList() {
		this.list = "test-" + UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void addStoresTheTrimmedTitleAndClearsTheInput() throws Exception {
		HttpResponse<String> response = send("POST", "/todos", "{\"title\":\"  Buy milk \",\"draft\":\"\"}");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("text/event-stream"));
		assertThat(ReceivedEvents.parse(response.body())).singleElement().isPatchSignals().hasSignals("{\"title\":\"\"}");
		assertThat(this.store.find(this.list).todos()).extracting(Todo::title).containsExactly("Buy milk");
	}

	@Test
	void addIgnoresBlankAndMissingTitles() throws Exception {
		assertThat(send("POST", "/todos", "{\"title\":\"   \"}").statusCode()).isEqualTo(200);
		assertThat(send("POST", "/todos", "{}").statusCode()).isEqualTo(200);
		assertThat(this.store.find(this.list).isEmpty()).isTrue();
	}

	@Test
	void addKeepsHtmlAsText() throws Exception {
		send("POST", "/todos", "{\"title\":\"<b>bold</b>\"}");
		assertThat(this.store.find(this.list).todos().get(0).title()).isEqualTo("<b>bold</b>");
		String page = get("/?list=" + this.list).body();
		assertThat(page).contains("&lt;b&gt;bold&lt;/b&gt;").doesNotContain("<b>bold</b>");
	}

	@Test
	void addAcceptsFiveHundredCharactersAndRefusesMore() throws Exception {
		assertThat(send("POST", "/todos", title("x".repeat(500))).statusCode()).isEqualTo(200);
		HttpResponse<String> refused = send("POST", "/todos", title("y".repeat(501)));
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("'title' a title can have at most 500 characters");
		assertThat(this.store.find(this.list).todos()).hasSize(1);
	}

	@Test
	void badJsonIsRefused() throws Exception {
		HttpResponse<String> refused = send("POST", "/todos", "{\"title\":");
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(this.store.find(this.list).isEmpty()).isTrue();
	}

	@Test
	void missingAndOversizedSignalsAreRefused() throws Exception {
		HttpResponse<String> missing = send("POST", "/todos", null);
		assertThat(missing.statusCode()).isEqualTo(400);
		assertThat(missing.body()).contains("signals");
		HttpResponse<String> huge = send("POST", "/todos", "{\"title\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}");
		assertThat(huge.statusCode()).isEqualTo(413);
		assertThat(this.store.find(this.list).isEmpty()).isTrue();
	}

	@Test
	void editRenamesWithTheTrimmedDraft() throws Exception {
		Todo todo = this.store.add(this.list, "Buy milk");
		HttpResponse<String> response = send("PUT", "/todos/" + todo.id(), "{\"title\":\"\",\"draft\":\" Buy oat milk \"}");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(ReceivedEvents.parse(response.body())).singleElement().isPatchSignals().hasSignal("_editing", 0);
		assertThat(this.store.find(this.list).todos()).containsExactly(new Todo(todo.id(), "Buy oat milk", false));
	}

	@Test
	void editToAnEmptyTitleDeletes() throws Exception {
		Todo todo = this.store.add(this.list, "Buy milk");
		assertThat(send("PUT", "/todos/" + todo.id(), "{\"draft\":\"  \"}").statusCode()).isEqualTo(200);
		assertThat(this.store.find(this.list).isEmpty()).isTrue();
	}

	@Test
	void editRefusesOverlongTitlesAndKeepsTheOldOne() throws Exception {
		Todo todo = this.store.add(this.list, "Buy milk");
		HttpResponse<String> refused = send("PUT", "/todos/" + todo.id(), "{\"draft\":\"" + "z".repeat(501) + "\"}");
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("'draft' a title can have at most 500 characters");
		assertThat(this.store.find(this.list).todos()).containsExactly(todo);
	}

	@Test
	void toggleFlipsCompletion() throws Exception {
		Todo todo = this.store.add(this.list, "Buy milk");
		assertThat(send("POST", "/todos/" + todo.id() + "/toggle", "{}").statusCode()).isEqualTo(204);
		assertThat(this.store.find(this.list).todos().get(0).completed()).isTrue();
		send("POST", "/todos/" + todo.id() + "/toggle", "{}");
		assertThat(this.store.find(this.list).todos().get(0).completed()).isFalse();
	}

	@Test
	void deleteRemoves() throws Exception {
		Todo milk = this.store.add(this.list, "Buy milk");
		Todo dog = this.store.add(this.list, "Walk the dog");
		assertThat(send("DELETE", "/todos/" + milk.id(), null).statusCode()).isEqualTo(204);
		assertThat(this.store.find(this.list).todos()).containsExactly(dog);
	}

	@Test
	void toggleAllCompletesAllThenReopensAll() throws Exception {
		this.store.add(this.list, "Buy milk");
		this.store.toggle(this.list, this.store.add(this.list, "Walk the dog").id());
		assertThat(send("POST", "/todos/toggle-all", "{}").statusCode()).isEqualTo(204);
		assertThat(this.store.find(this.list).allCompleted()).isTrue();
		send("POST", "/todos/toggle-all", "{}");
		assertThat(this.store.find(this.list).activeCount()).isEqualTo(2);
	}

	@Test
	void clearCompletedRemovesOnlyCompleted() throws Exception {
		Todo milk = this.store.add(this.list, "Buy milk");
		this.store.toggle(this.list, this.store.add(this.list, "Walk the dog").id());
		assertThat(send("DELETE", "/todos/completed", null).statusCode()).isEqualTo(204);
		assertThat(this.store.find(this.list).todos()).containsExactly(milk);
	}

	@Test
	void unknownIdsAnswer404AndChangeNothing() throws Exception {
		Todo todo = this.store.add(this.list, "Buy milk");
		for (HttpResponse<String> response : new HttpResponse[] { send("POST", "/todos/999/toggle", "{}"),
				send("PUT", "/todos/999", "{\"draft\":\"x\"}"), send("PUT", "/todos/999", "{\"draft\":\"\"}"),
				send("DELETE", "/todos/999", null) }) {
			assertThat(response.statusCode()).isEqualTo(404);
			assertThat(response.body()).contains("No todo 999 in list '" + this.list + "'");
		}
		assertThat(this.store.find(this.list).todos()).containsExactly(todo);
	}

	@Test
	void malformedIdsAndListNamesAre400() throws Exception {
		assertThat(send("POST", "/todos/abc/toggle", "{}").statusCode()).isEqualTo(400);
		HttpResponse<String> badList = sendTo("/lists/no%20spaces/todos", "POST", "{\"title\":\"x\"}");
		assertThat(badList.statusCode()).isEqualTo(400);
		assertThat(badList.body()).contains("list: a list name has 1 to 64 letters, digits, '-' or '_'");
		HttpResponse<String> badPage = get("/?list=" + "x".repeat(65));
		assertThat(badPage.statusCode()).isEqualTo(400);
	}

	@Test
	void pageShowsTheListAndDefaultsToTheDefaultList() throws Exception {
		this.store.add(this.list, "Buy milk");
		HttpResponse<String> page = get("/?list=" + this.list);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<section id=\"app\" class=\"todoapp\"").contains(">Buy milk</label>")
			.contains("1</strong>").contains("item left").contains("/lists/" + this.list + "/updates")
			.contains("/webjars/todomvc-app-css/");
		assertThat(get("/").body()).contains("/lists/default/updates");
	}

	@Test
	void theStylesheetComesFromTheWebJar() throws Exception {
		HttpResponse<String> css = get("/webjars/todomvc-app-css/index.css");
		assertThat(css.statusCode()).isEqualTo(200);
		assertThat(css.body()).contains(".todo-list li.completed label");
	}

	private static String title(String title) {
		return "{\"title\":\"" + title + "\"}";
	}

	private HttpResponse<String> send(String method, String path, String signals) throws IOException, InterruptedException {
		return sendTo("/lists/" + this.list + path, method, signals);
	}

	private HttpResponse<String> sendTo(String path, String method, String signals) throws IOException, InterruptedException {
		URI uri = URI.create("http://localhost:" + this.port + path);
		return this.http.send(DatastarHttpRequests.request(method, uri, signals).build(), BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
				BodyHandlers.ofString());
	}

}
