package io.github.datastarspring.sample.dashboard.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.github.datastarspring.sample.dashboard.metrics.BusinessSimulator;
import io.github.datastarspring.sample.dashboard.DashboardTest;
import io.github.datastarspring.test.DatastarWebTestClient;
import io.github.datastarspring.test.ReceivedEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static io.github.datastarspring.test.DatastarAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The page, its stream and its commands over real HTTP. */
@DashboardTest
class DashboardHttpTests {

	@Autowired
	WebTestClient client;

	@Autowired
	PageStreams streams;

	@Autowired
	BusinessSimulator business;

	/** What the sample promises each page, whatever the rate of its sources. */
	private static final int MAX_PATCHES_PER_SECOND = 30;

	@BeforeEach
	void longerTimeout() {
		this.client = this.client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
	}

	@Test
	void pageIsCompleteBeforeTheStreamOpens() {
		String html = this.client.get().uri("/").exchange()
			.expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(html).contains("data-init=\"@get('/stream', {retry: 'always'})\"")
			.contains("data-signals=\"{&quot;pageId&quot;:&quot;")
			.contains("<figure id=\"chart-traffic\" class=\"chart\" data-range=\"1m\">")
			.contains("<ol id=\"alerts\"")
			.contains("data-on:click=\"$range = '5m'; @post('/range')\"");
	}

	@Test
	void streamStartsWithTheCurrentStateThenUpdatesKpisAndCharts() {
		List<String> state = new ArrayList<>();
		StepVerifier.create(stream(UUID.randomUUID().toString(), "1m"))
			.assertNext((e) -> assertThat(e).isPatchSignals().hasSignals("{\"_conn\":\"connected\"}"))
			.thenConsumeWhile((e) -> !data(e).startsWith("elements <figure id=\"chart-traffic\""), (e) -> state.add(data(e)))
			.assertNext((e) -> assertThat(e).isPatchElements())
			// then live: a new KPI patch and new charts on every tick
			.thenConsumeWhile((e) -> !data(e).startsWith("signals {\"kpi\""))
			.thenConsumeWhile((e) -> !data(e).startsWith("elements <figure id=\"chart-traffic\""))
			.thenCancel()
			.verify(Duration.ofSeconds(20));
		assertFullState(state, "1m");
	}

	/** Each topic's snapshot; live events of topics already subscribed may come in between. */
	private static void assertFullState(List<String> events, String range) {
		assertThat(events).anyMatch((d) -> d.startsWith("signals {\"kpi\":{\"rps\":"))
			.anyMatch((d) -> d.startsWith("signals {\"biz\":{\"orders\":"))
			.anyMatch((d) -> d.startsWith("elements <ol id=\"alerts\""))
			.anyMatch((d) -> d.equals("signals {\"range\":\"" + range + "\"}"));
	}

	@Test
	void thousandsOfUpdatesASecondBecomeAtMostThirtyPatchesASecond() {
		List<Long> arrivals = new ArrayList<>();
		List<String> data = new ArrayList<>();
		long ordersBefore = this.business.current().orders();
		// after the first second: what queued while the response was being set up arrives at once
		StepVerifier.create(stream(UUID.randomUUID().toString(), "1m").skip(Duration.ofSeconds(1))
			.elapsed()
			.take(Duration.ofSeconds(3)))
			.thenConsumeWhile((t) -> arrivals.add(t.getT1()) && data.add(data(t.getT2())))
			.expectComplete()
			.verify(Duration.ofSeconds(20));
		long updates = this.business.current().orders() - ordersBefore;
		long businessPatches = data.stream().filter((d) -> d.startsWith("signals {\"biz\"")).count();
		// Counted over the whole window, not per second of arrival: on a busy machine the client can
		// read two seconds' worth in one, yet the server still sent at most its rate. One second of
		// slack covers what was sent before the window and read inside it.
		assertThat(businessPatches).as("business patches received in 3 s").isBetween(1L, 4L * 20);
		assertThat(updates).as("business updates published in 3 s, each patch standing for many").isGreaterThanOrEqualTo(10 * businessPatches);
		assertThat(arrivals.size()).as("patches in 3 s").isBetween(3, 4 * MAX_PATCHES_PER_SECOND);
	}

	@Test
	void rangeCommandChangesWhatTheOpenStreamSends() {
		String pageId = UUID.randomUUID().toString();
		StepVerifier.create(stream(pageId, "1m"))
			.thenConsumeWhile((e) -> !data(e).contains("data-range=\"1m\""))
			.then(() -> DatastarWebTestClient.post(this.client, "/range", Map.of("pageId", pageId, "range", "5m", "kpi", Map.of()))
				.exchange()
				.expectStatus().isNoContent())
			.thenConsumeWhile((e) -> !data(e).equals("signals {\"range\":\"5m\"}"))
			.thenConsumeWhile((e) -> !data(e).contains("data-range=\"5m\""),
					(e) -> assertThat(data(e)).doesNotContain("data-range=\"1m\""))
			.thenCancel()
			.verify(Duration.ofSeconds(20));
	}

	@Test
	void aHiddenTabsStreamIsReleasedAndAReopenedOneGetsTheFullStateAgain() {
		String pageId = UUID.randomUUID().toString();
		int before = this.streams.openStreams();
		// the client aborts its fetch when the tab is hidden: the server sees a cancel
		StepVerifier.create(stream(pageId, "15m")).expectNextCount(6).thenCancel().verify(Duration.ofSeconds(20));
		await().atMost(Duration.ofSeconds(10)).until(() -> this.streams.openStreams() <= before);
		// shown again: a new request with the same page id and signals
		List<String> state = new ArrayList<>();
		StepVerifier.create(stream(pageId, "15m"))
			.assertNext((e) -> assertThat(e).hasSignals("{\"_conn\":\"connected\"}"))
			.thenConsumeWhile((e) -> !data(e).contains("data-range=\"15m\""), (e) -> state.add(data(e)))
			.assertNext((e) -> assertThat(e).elements().startsWith("<figure id=\"chart-traffic\""))
			.thenCancel()
			.verify(Duration.ofSeconds(20));
		assertFullState(state, "15m");
	}

	@Test
	void badSignalsShowAMessageOnThePageAndAre400ForOtherCallers() {
		this.client.get().uri("/stream").exchange()
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.detail").isNotEmpty();
		// What the page's own requests get: a 200 the client applies, showing the message.
		DatastarWebTestClient.get(this.client, "/stream", "{not json").exchange()
			.expectStatus().isOk()
			.expectHeader().valueEquals("Datastar-Error-Status", "400")
			.expectBody(String.class).value((body) -> assertThat(body).contains("Datastar signals are not valid JSON"));
		DatastarWebTestClient.get(this.client, "/stream", Map.of("pageId", "p", "range", "2h"))
			.exchange()
			.expectStatus().isOk()
			.expectHeader().valueEquals("Datastar-Error-Status", "400")
			.expectBody(String.class)
			.value((body) -> assertThat(body).contains("Signal &#39;range&#39; must be one of 1m, 5m, 15m</div>"));
		this.client.get().uri((b) -> b.path("/stream").queryParam("datastar", "{s}").build("{\"pageId\":\"p\",\"range\":\"2h\"}"))
			.exchange()
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.detail").isEqualTo("Signal 'range' must be one of 1m, 5m, 15m");
		this.client.post().uri("/range").contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"pageId\":\"<script>\",\"range\":\"5m\"}").exchange()
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.detail").isEqualTo("Signal 'pageId' must be 1 to 64 letters, digits or dashes");
	}

	@Test
	void rangeForAPageWithoutStreamIsAcceptedForItsNextConnect() {
		this.client.post().uri("/range").contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"pageId\":\"gone\",\"range\":\"15m\"}").exchange()
			.expectStatus().isNoContent();
	}

	// tag::webtestclient[]
	private Flux<ReceivedEvent> stream(String pageId, String range) {
		Map<String, Object> signals = Map.of("pageId", pageId, "range", range, "kpi", Map.of("rps", "0"));
		return DatastarWebTestClient.stream(DatastarWebTestClient.get(this.client, "/stream", signals)
			.exchange()
			.expectStatus().isOk()
			.expectHeader().contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
			.expectHeader().valueEquals("Cache-Control", "no-cache"));
	}
	// end::webtestclient[]

	/** The data lines of an event as one text ({@code signals {...}}, {@code elements <...>}). */
	private static String data(ReceivedEvent event) {
		return String.join("\n", event.data());
	}

	@Test
	void operationalActionsRefuseRequestsFromOtherSites() {
		for (String action : List.of("/drop", "/incident")) {
			this.client.post().uri(action)
				.header("Origin", "https://evil.example")
				.header("Sec-Fetch-Site", "cross-site")
				.exchange()
				.expectStatus().isForbidden()
				.expectBody(String.class).isEqualTo("Cross-site request refused");
		}
	}

}
