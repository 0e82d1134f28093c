package io.github.datastarspring.sample.todomvc;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Real streams on a running server: one command, every page of the list receives the patch. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class MultiplayerTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	private final String list = "test-" + UUID.randomUUID().toString().substring(0, 8);

	@Test
	void oneCommandReachesEveryPageOfTheListAndNoOtherList() throws Exception {
		String elsewhere = this.list + "-elsewhere";
		try (EventStream alice = stream(this.list, null); EventStream bob = stream(this.list, null);
				EventStream carol = stream(elsewhere, null)) {
			assertThat(alice.response.headers().firstValue("Content-Type")).hasValueSatisfying(
					(type) -> assertThat(type).startsWith("text/event-stream"));
			// Every page gets the current state as soon as it connects.
			for (EventStream page : new EventStream[] { alice, bob, carol }) {
				assertThat(page.nextEvent()).startsWith("event: datastar-patch-elements\n")
					.contains("data: elements <section id=\"app\" class=\"todoapp\"")
					.doesNotContain("<li id=");
			}

			add(this.list, "Buy <b>milk</b>");

			String seenByAlice = alice.nextEvent();
			assertThat(seenByAlice).startsWith("event: datastar-patch-elements\n")
				.contains("data: elements <section id=\"app\"")
				.contains(">Buy &lt;b&gt;milk&lt;/b&gt;</label>")
				.contains("<strong>1</strong>");
			assertThat(bob.nextEvent()).isEqualTo(seenByAlice);

			// Carol's list did not change: her next event is about her own list.
			add(elsewhere, "Walk the dog");
			assertThat(carol.nextEvent()).contains(">Walk the dog</label>").doesNotContain("milk");
		}
	}

	@Test
	void aPageThatReconnectsCatchesUp() throws Exception {
		String lastSeen;
		try (EventStream page = stream(this.list, null)) {
			page.nextEvent();
			add(this.list, "Buy milk");
			lastSeen = EventStream.id(page.nextEvent());
		}
		add(this.list, "Walk the dog");
		// Resuming with the last id it saw, the page gets what it missed...
		try (EventStream page = stream(this.list, lastSeen)) {
			assertThat(page.nextEvent()).contains(">Buy milk</label>").contains(">Walk the dog</label>");
		}
		// ...and connecting afresh, the current state.
		try (EventStream page = stream(this.list, null)) {
			assertThat(page.nextEvent()).contains(">Buy milk</label>").contains(">Walk the dog</label>");
		}
	}

	@Test
	void aRefusedCommandSendsNothing() throws Exception {
		try (EventStream page = stream(this.list, null)) {
			page.nextEvent();
			HttpRequest toggle = HttpRequest.newBuilder(url("/lists/" + this.list + "/todos/42/toggle"))
				.POST(BodyPublishers.noBody()).build();
			assertThat(this.http.send(toggle, BodyHandlers.discarding()).statusCode()).isEqualTo(404);
			add(this.list, "Buy milk");
			assertThat(page.nextEvent()).contains(">Buy milk</label>");
		}
	}

	private EventStream stream(String list, String lastEventId) throws Exception {
		return EventStream.open(url("/lists/" + list + "/updates").toString(), lastEventId);
	}

	private void add(String list, String title) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(url("/lists/" + list + "/todos"))
			.header("Datastar-Request", "true")
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString("{\"title\":\"" + title + "\"}"))
			.build();
		assertThat(this.http.send(request, BodyHandlers.ofString()).statusCode()).isEqualTo(204);
	}

	private URI url(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

}
