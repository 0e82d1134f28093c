package io.github.datastarspring.sample.todomvc;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Map;
import java.util.UUID;

import io.github.datastarspring.test.DatastarHttpRequests;
import io.github.datastarspring.test.LiveEventStream;
import io.github.datastarspring.test.ReceivedEvent;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.github.datastarspring.test.DatastarAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** Real streams on a running server: one command, every page of the list receives the patch. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class MultiplayerTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	private final String list = "test-" + UUID.randomUUID().toString().substring(0, 8);

	// tag::multiplayer[]
	@Test
	void oneCommandReachesEveryPageOfTheListAndNoOtherList() throws Exception {
		String elsewhere = this.list + "-elsewhere";
		try (LiveEventStream alice = stream(this.list, null); LiveEventStream bob = stream(this.list, null);
				LiveEventStream carol = stream(elsewhere, null)) {
			assertThat(alice.header("Content-Type")).startsWith("text/event-stream");
			// Every page gets the current state as soon as it connects.
			for (LiveEventStream page : new LiveEventStream[] { alice, bob, carol }) {
				assertThat(page.nextEvent()).isPatchElements()
					.elements()
					.startsWith("<section id=\"app\" class=\"todoapp\"")
					.doesNotContain("<li id=");
			}

			add(this.list, "Buy <b>milk</b>");

			ReceivedEvent seenByAlice = alice.nextEvent();
			assertThat(seenByAlice).isPatchElements()
				.elements()
				.startsWith("<section id=\"app\"")
				.contains(">Buy &lt;b&gt;milk&lt;/b&gt;</label>")
				.contains("<strong>1</strong>");
			assertThat(bob.nextEvent()).isEqualTo(seenByAlice);

			// Carol's list did not change: her next event is about her own list.
			add(elsewhere, "Walk the dog");
			assertThat(carol.nextEvent()).elements().contains(">Walk the dog</label>").doesNotContain("milk");
		}
	}
	// end::multiplayer[]

	@Test
	void aPageThatReconnectsCatchesUp() throws Exception {
		String lastSeen;
		try (LiveEventStream page = stream(this.list, null)) {
			page.nextEvent();
			add(this.list, "Buy milk");
			lastSeen = page.nextEvent().id();
			assertThat(lastSeen).isNotNull();
		}
		add(this.list, "Walk the dog");
		// Resuming with the last id it saw, the page gets what it missed...
		try (LiveEventStream page = stream(this.list, lastSeen)) {
			assertThat(page.nextEvent()).elements().contains(">Buy milk</label>").contains(">Walk the dog</label>");
		}
		// ...and connecting afresh, the current state.
		try (LiveEventStream page = stream(this.list, null)) {
			assertThat(page.nextEvent()).elements().contains(">Buy milk</label>").contains(">Walk the dog</label>");
		}
	}

	@Test
	void aRefusedCommandSendsNothing() throws Exception {
		try (LiveEventStream page = stream(this.list, null)) {
			page.nextEvent();
			HttpRequest toggle = HttpRequest.newBuilder(url("/lists/" + this.list + "/todos/42/toggle"))
				.POST(BodyPublishers.noBody()).build();
			assertThat(this.http.send(toggle, BodyHandlers.discarding()).statusCode()).isEqualTo(404);
			add(this.list, "Buy milk");
			assertThat(page.nextEvent()).elements().contains(">Buy milk</label>");
		}
	}

	private LiveEventStream stream(String list, String lastEventId) throws Exception {
		return LiveEventStream.connect(url("/lists/" + list + "/updates")).lastEventId(lastEventId).open();
	}

	private void add(String list, String title) throws Exception {
		HttpRequest request = DatastarHttpRequests.post(url("/lists/" + list + "/todos"), Map.of("title", title)).build();
		assertThat(this.http.send(request, BodyHandlers.ofString()).statusCode()).isEqualTo(200);
	}

	private URI url(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

}
