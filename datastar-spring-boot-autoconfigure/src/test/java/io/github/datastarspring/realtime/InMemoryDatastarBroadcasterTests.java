package io.github.datastarspring.realtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.datastarspring.core.DatastarEventEncoder;
import io.github.datastarspring.core.DatastarEvents;
import io.github.datastarspring.core.DatastarRequest;
import io.github.datastarspring.core.PatchElements;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class InMemoryDatastarBroadcasterTests {

	private final DatastarEventEncoder encoder = new DatastarEventEncoder();

	private final List<InMemoryDatastarBroadcaster> created = new ArrayList<>();

	@AfterEach
	void close() {
		this.created.forEach(InMemoryDatastarBroadcaster::close);
	}

	private InMemoryDatastarBroadcaster broadcaster() {
		return broadcaster(InMemoryDatastarBroadcaster.builder(this.encoder));
	}

	private InMemoryDatastarBroadcaster broadcaster(InMemoryDatastarBroadcaster.Builder builder) {
		InMemoryDatastarBroadcaster broadcaster = builder.build();
		this.created.add(broadcaster);
		return broadcaster;
	}

	static PatchElements item(int n) {
		return DatastarEvents.patchElements("<p id=\"n\">" + n + "</p>");
	}

	static DatastarSnapshot state(String html) {
		return (out) -> out.send(DatastarEvents.patchElements(html));
	}

	@Test
	void everySubscriberGetsTheSameEncodedBytesInPublishOrder() {
		InMemoryDatastarBroadcaster broadcaster = broadcaster();
		List<TestSink> sinks = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			sinks.add(broadcaster.subscribe("t", new TestSink()));
		}
		for (int n = 1; n <= 3; n++) {
			broadcaster.publish("t", item(n));
		}
		List<List<byte[]>> received = sinks.stream().map(TestSink::drainBytes).toList();
		for (int n = 0; n < 3; n++) {
			byte[] first = received.get(0).get(n);
			assertThat(TestSink.elements(new String(first))).isEqualTo("<p id=\"n\">" + (n + 1) + "</p>");
			for (List<byte[]> events : received) {
				assertThat(events).hasSize(3);
				// Identical array: the event was encoded once for all subscribers.
				assertThat(events.get(n)).isSameAs(first);
			}
		}
	}

	@Test
	void eventsGetIncreasingIdsOfTheirTopicReplacingTheirOwn() {
		InMemoryDatastarBroadcaster broadcaster = broadcaster();
		TestSink sink = broadcaster.subscribe("t", new TestSink());
		broadcaster.publish("t", item(1).toBuilder().eventId("mine").build());
		broadcaster.publish("t", item(2));
		List<String> ids = sink.drain().stream().map(TestSink::id).toList();
		assertThat(ids).hasSize(2).doesNotContain("mine");
		String epoch = ids.get(0).substring(0, ids.get(0).lastIndexOf('-'));
		assertThat(ids).containsExactly(epoch + "-1", epoch + "-2");
		TestSink other = broadcaster.subscribe("u", new TestSink());
		broadcaster.publish("u", item(1));
		assertThat(TestSink.id(other.next())).doesNotStartWith(epoch + "-");
	}

	@Test
	void publishingToATopicNobodyFollowsCostsNothing() {
		InMemoryDatastarBroadcaster broadcaster = broadcaster();
		broadcaster.publish("nobody", item(1));
		assertThat(broadcaster.topicCount()).isZero();
		assertThat(broadcaster.subscriberCount("nobody")).isZero();
	}

	@Test
	void updateRunsTheChangeEvenWhenNobodyFollowsTheTopic() {
		InMemoryDatastarBroadcaster broadcaster = broadcaster();
		AtomicInteger state = new AtomicInteger();
		broadcaster.update("nobody", () -> item(state.incrementAndGet()));
		broadcaster.update("nobody", () -> null);
		assertThat(state).hasValue(1);
		TestSink sink = broadcaster.subscribe("nobody", new TestSink());
		broadcaster.update("nobody", () -> null);
		assertThat(sink.drain()).isEmpty();
	}

	@Test
	void aFailingSnapshotFailsTheSubscriptionOnly() {
		InMemoryDatastarBroadcaster broadcaster = broadcaster();
		TestSink sink = new TestSink();
		org.assertj.core.api.Assertions
			.assertThatIllegalStateException()
			.isThrownBy(() -> broadcaster.subscribe("t", sink, (String) null, (out) -> {
				throw new IllegalStateException("no state");
			}));
		assertThat(broadcaster.subscriberCount("t")).isZero();
		TestSink other = broadcaster.subscribe("t", new TestSink());
		broadcaster.publish("t", item(1));
		assertThat(other.drain()).hasSize(1);
	}

	@Test
	void subscribersLeaveWhenTheirStreamEndsForAnyReason() {
		InMemoryDatastarBroadcaster broadcaster = broadcaster();
		TestSink disconnected = broadcaster.subscribe("t", new TestSink());
		TestSink completed = broadcaster.subscribe("t", new TestSink());
		TestSink staying = broadcaster.subscribe("t", new TestSink());
		TestSink alreadyClosed = new TestSink();
		alreadyClosed.disconnect();
		broadcaster.subscribe("t", alreadyClosed);
		assertThat(broadcaster.subscriberCount("t")).isEqualTo(3);
		disconnected.disconnect();
		completed.complete();
		assertThat(broadcaster.subscriberCount("t")).isEqualTo(1);
		broadcaster.publish("t", item(1));
		assertThat(staying.drain()).hasSize(1);
		assertThat(disconnected.drain()).isEmpty();
	}

	@Test
	void thousandConnectAbortCyclesLeaveNoSubscriber() {
		InMemoryDatastarBroadcaster broadcaster = broadcaster();
		for (int i = 0; i < 1000; i++) {
			TestSink sink = broadcaster.subscribe("t", new TestSink(), (String) null, state("<p id=\"s\">x</p>"));
			broadcaster.publish("t", item(i));
			if (i % 2 == 0) {
				sink.disconnect();
			}
			else {
				sink.complete();
			}
		}
		assertThat(broadcaster.subscriberCount()).isZero();
	}

	@Test
	void unsubscribeLeavesTheStreamOpen() {
		InMemoryDatastarBroadcaster broadcaster = broadcaster();
		TestSink sink = broadcaster.subscribe("t", new TestSink());
		broadcaster.unsubscribe("t", sink);
		broadcaster.publish("t", item(1));
		assertThat(sink.isOpen()).isTrue();
		assertThat(sink.drain()).isEmpty();
		assertThat(broadcaster.subscriberCount("t")).isZero();
	}

	@Test
	void firstConnectGetsTheSnapshotWithTheLatestIdOnItsLastEvent() {
		InMemoryDatastarBroadcaster broadcaster = broadcaster();
		TestSink first = broadcaster.subscribe("t", new TestSink());
		broadcaster.publish("t", item(1));
		String latest = TestSink.id(first.next());
		TestSink sink = broadcaster.subscribe("t", new TestSink(), DatastarRequest.of("true", null), (out) -> {
			out.send(DatastarEvents.patchElements("<ul id=\"list\"></ul>"));
			out.send(DatastarEvents.patchSignals("{\"count\":1}"));
		});
		List<String> events = sink.drain();
		assertThat(events).hasSize(2);
		assertThat(TestSink.id(events.get(0))).isNull();
		assertThat(TestSink.id(events.get(1))).isEqualTo(latest);
		assertThat(events.get(1)).contains("data: signals {\"count\":1}");
	}

	@Test
	void reconnectingClientGetsExactlyWhatItMissedThenLiveEvents() {
		InMemoryDatastarBroadcaster broadcaster = broadcaster();
		TestSink first = broadcaster.subscribe("t", new TestSink(), (String) null, state("<p id=\"s\">0</p>"));
		for (int n = 1; n <= 10; n++) {
			broadcaster.publish("t", item(n));
		}
		List<String> seen = first.drain();
		String lastSeen = TestSink.id(seen.get(4));
		assertThat(TestSink.elements(seen.get(4))).contains(">4<");
		first.disconnect();
		for (int n = 11; n <= 15; n++) {
			broadcaster.publish("t", item(n));
		}
		TestSink again = broadcaster.subscribe("t", new TestSink(), lastSeen, state("<p id=\"s\">snapshot</p>"));
		broadcaster.publish("t", item(16));
		assertThat(again.drain().stream().map(TestSink::elements)).containsExactlyElementsOf(
				java.util.stream.IntStream.rangeClosed(5, 16).mapToObj((n) -> "<p id=\"n\">" + n + "</p>").toList());
	}

	@Test
	void clientWithTheLatestIdGetsNothingButLiveEvents() {
		InMemoryDatastarBroadcaster broadcaster = broadcaster();
		TestSink first = broadcaster.subscribe("t", new TestSink());
		broadcaster.publish("t", item(1));
		String latest = TestSink.id(first.next());
		TestSink again = broadcaster.subscribe("t", new TestSink(), latest, state("<p id=\"s\">snapshot</p>"));
		assertThat(again.drain()).isEmpty();
	}

	@Test
	void idOlderThanTheReplayBufferForeignOrMalformedGetsTheSnapshot() {
		InMemoryDatastarBroadcaster broadcaster = broadcaster(
				InMemoryDatastarBroadcaster.builder(this.encoder).replayBufferSize(5));
		TestSink first = broadcaster.subscribe("t", new TestSink());
		for (int n = 1; n <= 20; n++) {
			broadcaster.publish("t", item(n));
		}
		List<String> ids = first.drain().stream().map(TestSink::id).toList();
		InMemoryDatastarBroadcaster previousRun = broadcaster();
		TestSink elsewhere = previousRun.subscribe("t", new TestSink());
		previousRun.publish("t", item(1));
		String foreign = TestSink.id(elsewhere.next());
		String epoch = ids.get(0).substring(0, ids.get(0).lastIndexOf('-'));
		for (String lastEventId : List.of(ids.get(13), foreign, "garbage", epoch + "-99", epoch + "-x", epoch + "-")) {
			TestSink sink = broadcaster.subscribe("t", new TestSink(), lastEventId, state("<p id=\"s\">now</p>"));
			assertThat(sink.drain()).as(lastEventId).singleElement().satisfies((event) -> {
				assertThat(TestSink.elements(event)).isEqualTo("<p id=\"s\">now</p>");
				assertThat(TestSink.id(event)).isEqualTo(ids.get(19));
			});
		}
		// The oldest id still covered: everything after it is there.
		TestSink sink = broadcaster.subscribe("t", new TestSink(), ids.get(14), state("<p id=\"s\">now</p>"));
		assertThat(sink.drain()).hasSize(5);
	}

	@Test
	void replayIsBoundedByBytesAsWellAsByCount() {
		// Each event is about 1 KB: 3 KB keep the last three (the newest is always kept).
		InMemoryDatastarBroadcaster broadcaster = broadcaster(
				InMemoryDatastarBroadcaster.builder(this.encoder).replayBufferBytes(3 * 1100));
		TestSink first = broadcaster.subscribe("t", new TestSink());
		for (int n = 1; n <= 10; n++) {
			broadcaster.publish("t", DatastarEvents.patchElements("<p id=\"n\">" + "x".repeat(1000) + n + "</p>"));
		}
		List<String> ids = first.drain().stream().map(TestSink::id).toList();
		TestSink recent = broadcaster.subscribe("t", new TestSink(), ids.get(7), state("<p id=\"s\">now</p>"));
		assertThat(recent.drain()).hasSize(2).allSatisfy((event) -> assertThat(event).contains("xxx"));
		TestSink older = broadcaster.subscribe("t", new TestSink(), ids.get(4), state("<p id=\"s\">now</p>"));
		assertThat(older.drain()).singleElement().satisfies((event) -> assertThat(event).contains("now"));
	}

	@Test
	void replayThatDoesNotFitTheSendQueueFallsBackToTheSnapshot() {
		InMemoryDatastarBroadcaster broadcaster = broadcaster();
		TestSink first = broadcaster.subscribe("t", new TestSink());
		broadcaster.publish("t", item(1));
		String old = TestSink.id(first.next());
		for (int n = 2; n <= 10; n++) {
			broadcaster.publish("t", item(n));
		}
		TestSink small = broadcaster.subscribe("t", new TestSink(4), old, state("<p id=\"s\">now</p>"));
		assertThat(small.drain()).singleElement().satisfies((e) -> assertThat(e).contains("now"));
		assertThat(broadcaster.subscriberCount("t")).isEqualTo(2);
		TestSink noSnapshot = broadcaster.subscribe("t", new TestSink(4), old, null);
		assertThat(noSnapshot.aborted()).isTrue();
		assertThat(broadcaster.subscriberCount("t")).isEqualTo(2);
	}

	@Test
	void stalledSubscriberIsDroppedWithoutDelayingOthers() {
		InMemoryDatastarBroadcaster broadcaster = broadcaster();
		TestSink stalled = broadcaster.subscribe("t", new TestSink(4));
		List<TestSink> others = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			others.add(broadcaster.subscribe("t", new TestSink(200)));
		}
		for (int n = 1; n <= 100; n++) {
			broadcaster.publish("t", item(n));
		}
		assertThat(stalled.aborted()).isTrue();
		assertThat(stalled.queued()).isEqualTo(4);
		assertThat(broadcaster.subscriberCount("t")).isEqualTo(10);
		for (TestSink other : others) {
			assertThat(other.drain()).hasSize(100);
		}
	}

	@Test
	void latestPolicyReplacesTheQueueWithTheSnapshot() {
		InMemoryDatastarBroadcaster broadcaster = broadcaster(
				InMemoryDatastarBroadcaster.builder(this.encoder).overflowPolicy(OverflowPolicy.LATEST));
		AtomicInteger state = new AtomicInteger();
		TestSink stalled = broadcaster.subscribe("t", new TestSink(4), (String) null,
				(out) -> out.send(DatastarEvents.patchElements("<p id=\"s\">" + state.get() + "</p>")));
		TestSink plain = broadcaster.subscribe("t", new TestSink(4));
		TestSink fast = broadcaster.subscribe("t", new TestSink(200));
		for (int n = 1; n <= 10; n++) {
			state.set(n);
			broadcaster.publish("t", item(n));
		}
		assertThat(stalled.isOpen()).isTrue();
		List<String> queued = stalled.drain();
		String latestId = TestSink.id(fast.drain().get(9));
		// Initial snapshot + 1..3 fill the queue; 4 replaces it with the snapshot then, 5..7 fill it
		// again, 8 replaces it with the snapshot at id 8; then 9 and 10.
		assertThat(queued).hasSize(3);
		assertThat(TestSink.elements(queued.get(0))).isEqualTo("<p id=\"s\">8</p>");
		assertThat(TestSink.id(queued.get(0))).endsWith("-8");
		assertThat(queued.get(2)).contains(">10<").contains("id: " + latestId);
		// Without a snapshot, the event itself is taken as the latest state: 1..4 queued, 5
		// replaces them, 6..8 follow, 9 replaces them, then 10.
		assertThat(plain.drain().stream().map(TestSink::elements)).containsExactly("<p id=\"n\">9</p>",
				"<p id=\"n\">10</p>");
		assertThat(broadcaster.subscriberCount("t")).isEqualTo(3);
	}

	@Test
	void idleStreamsGetHeartbeatsWhichFindDeadClients() {
		InMemoryDatastarBroadcaster broadcaster = broadcaster(
				InMemoryDatastarBroadcaster.builder(this.encoder).heartbeat(Duration.ofMillis(40)));
		TestSink idle = broadcaster.subscribe("t", new TestSink());
		TestSink dead = broadcaster.subscribe("t", new TestSink());
		TestSink stalled = broadcaster.subscribe("t", new TestSink(2));
		dead.dieSilently();
		assertThat(idle.next()).isEqualTo(":\n\n");
		assertThat(idle.next()).isEqualTo(":\n\n");
		await().atMost(Duration.ofSeconds(5)).until(() -> broadcaster.subscriberCount("t") == 1);
		assertThat(stalled.aborted()).as("stalled client dropped").isTrue();
		assertThat(dead.aborted()).as("dead client left on its own").isFalse();
	}

	@Test
	void noHeartbeatWhenDisabled() {
		InMemoryDatastarBroadcaster broadcaster = broadcaster(
				InMemoryDatastarBroadcaster.builder(this.encoder).heartbeat(Duration.ZERO));
		TestSink idle = broadcaster.subscribe("t", new TestSink());
		assertThat(idle.next(Duration.ofMillis(200))).isNull();
	}

	@Test
	void coalescingSendsTheLastEventPerKeyOfEachWindow() {
		InMemoryDatastarBroadcaster broadcaster = broadcaster(InMemoryDatastarBroadcaster.builder(this.encoder)
			.coalesce("ticker:*", Duration.ofMillis(50)));
		TestSink ticker = broadcaster.subscribe("ticker:eur", new TestSink());
		TestSink plain = broadcaster.subscribe("other", new TestSink());
		broadcaster.publish("ticker:eur", "a", item(1));
		broadcaster.publish("ticker:eur", "b", item(2));
		broadcaster.publish("ticker:eur", "a", item(3));
		broadcaster.publish("ticker:eur", item(4));
		broadcaster.publish("ticker:eur", item(5));
		broadcaster.publish("other", "a", item(1));
		broadcaster.publish("other", "a", item(2));
		assertThat(plain.drain()).hasSize(2);
		List<String> window = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			window.add(TestSink.elements(ticker.next()));
		}
		assertThat(window).containsExactly("<p id=\"n\">2</p>", "<p id=\"n\">3</p>", "<p id=\"n\">5</p>");
		assertThat(ticker.next(Duration.ofMillis(150))).isNull();
		broadcaster.publish("ticker:eur", "a", item(6));
		assertThat(TestSink.elements(ticker.next())).isEqualTo("<p id=\"n\">6</p>");
	}

	@Test
	void coalescedEventsAlreadyInASnapshotAreNotSentAgain() {
		InMemoryDatastarBroadcaster broadcaster = broadcaster(InMemoryDatastarBroadcaster.builder(this.encoder)
			.coalesce("ticker:*", Duration.ofMillis(100)));
		TestSink early = broadcaster.subscribe("ticker:eur", new TestSink());
		broadcaster.publish("ticker:eur", "a", item(1));
		TestSink late = broadcaster.subscribe("ticker:eur", new TestSink(), (String) null, state("<p id=\"n\">1</p>"));
		broadcaster.publish("ticker:eur", "b", item(2));
		assertThat(late.next()).contains("<p id=\"n\">1</p>");
		assertThat(TestSink.elements(late.next())).isEqualTo("<p id=\"n\">2</p>");
		assertThat(early.next()).contains(">1<");
		assertThat(early.next()).contains(">2<");
		assertThat(late.next(Duration.ofMillis(150))).isNull();
	}

	@Test
	void shutdownSendsTheFinalEventAndCompletesEveryStream() {
		InMemoryDatastarBroadcaster broadcaster = broadcaster(InMemoryDatastarBroadcaster.builder(this.encoder)
			.finalEvent(DatastarEvents.executeScript("setTimeout(() => location.reload(), 5000)")));
		TestSink a = broadcaster.subscribe("a", new TestSink());
		TestSink b = broadcaster.subscribe("b", new TestSink());
		broadcaster.stop();
		assertThat(broadcaster.isRunning()).isFalse();
		for (TestSink sink : List.of(a, b)) {
			assertThat(sink.completed()).isTrue();
			assertThat(sink.aborted()).isFalse();
			assertThat(sink.drain()).singleElement().satisfies((e) -> assertThat(e).contains("location.reload()"));
		}
		TestSink late = broadcaster.subscribe("a", new TestSink());
		assertThat(late.completed()).isTrue();
		broadcaster.publish("a", item(1));
		assertThat(broadcaster.subscriberCount()).isZero();
	}

	@Test
	void idleTopicsAreForgottenAfterTheirRetention() {
		InMemoryDatastarBroadcaster broadcaster = broadcaster(
				InMemoryDatastarBroadcaster.builder(this.encoder).topicRetention(Duration.ofMillis(100)));
		TestSink sink = broadcaster.subscribe("t", new TestSink());
		broadcaster.publish("t", item(1));
		String id = TestSink.id(sink.next());
		sink.disconnect();
		await().atMost(Duration.ofSeconds(5)).until(() -> broadcaster.topicCount() == 0);
		TestSink again = broadcaster.subscribe("t", new TestSink(), id, state("<p id=\"s\">fresh</p>"));
		assertThat(again.next()).contains("fresh");
	}

	@Test
	void updateMakesEveryChangeAppearExactlyOnceAcrossSnapshotsAndEvents() throws Exception {
		InMemoryDatastarBroadcaster broadcaster = broadcaster();
		AtomicInteger counter = new AtomicInteger();
		int changes = 5000;
		Thread publisher = new Thread(() -> {
			for (int i = 0; i < changes; i++) {
				broadcaster.update("t", () -> item(counter.incrementAndGet()));
			}
		});
		DatastarSnapshot snapshot = (out) -> out.send(DatastarEvents.patchElements("<p id=\"n\">" + counter.get() + "</p>"));
		List<TestSink> sinks = new ArrayList<>();
		publisher.start();
		for (int i = 0; i < 50; i++) {
			sinks.add(broadcaster.subscribe("t", new TestSink(changes + 1), (String) null, snapshot));
		}
		publisher.join(30_000);
		for (TestSink sink : sinks) {
			List<Integer> values = sink.drain().stream()
				.map((e) -> Integer.parseInt(TestSink.elements(e).replaceAll("<[^>]+>", "")))
				.toList();
			int start = values.get(0);
			for (int i = 0; i < values.size(); i++) {
				assertThat(values.get(i)).isEqualTo(start + i);
			}
			assertThat(values.get(values.size() - 1)).isEqualTo(changes);
		}
	}

	@ParameterizedTest(name = "replay buffer {0}")
	@ValueSource(ints = { 25_000, 64 })
	void resumeAcrossForcedDisconnectsLosesAndDuplicatesNothing(int replayBufferSize) throws Exception {
		// Bounded by count only: 20,000 events are more than the default 1 MB, and the publisher may
		// run that far ahead of a client that reconnects.
		InMemoryDatastarBroadcaster broadcaster = broadcaster(InMemoryDatastarBroadcaster.builder(this.encoder)
			.replayBufferSize(replayBufferSize)
			.replayBufferBytes(64L << 20));
		AtomicInteger published = new AtomicInteger();
		int total = 20_000;
		DatastarSnapshot snapshot = (out) -> out
			.send(DatastarEvents.patchElements("<p id=\"s\">" + published.get() + "</p>"));
		Thread publisher = new Thread(() -> {
			for (int i = 0; i < total; i++) {
				broadcaster.update("t", () -> item(published.incrementAndGet()));
			}
		});
		ResumingClient client = new ResumingClient();
		TestSink sink = broadcaster.subscribe("t", new TestSink(total + 1), (String) null, snapshot);
		publisher.start();
		java.util.Random random = new java.util.Random(42);
		int disconnects = 0;
		while (client.upTo < total) {
			String event = sink.next(Duration.ofSeconds(5));
			assertThat(event).as("stream stalled at %d", client.upTo).isNotNull();
			client.receive(event);
			if (random.nextInt(50) == 0) {
				sink.disconnect();
				disconnects++;
				sink = broadcaster.subscribe("t", new TestSink(total + 1), client.lastEventId, snapshot);
			}
		}
		publisher.join(10_000);
		assertThat(client.upTo).isEqualTo(total);
		assertThat(disconnects).isPositive();
		if (replayBufferSize > total) {
			assertThat(disconnects).isGreaterThan(100);
			// Every reconnect was a replay: only the first connect needed the full state.
			assertThat(client.resyncs).isEqualTo(1);
		}
		assertThat(sink.next(Duration.ofMillis(50))).isNull();
		assertThat(broadcaster.subscriberCount("t")).isEqualTo(1);
	}

	/** What a browser keeps: the state it has seen so far and the last id. */
	static final class ResumingClient {

		int upTo;

		int replayed;

		int resyncs;

		String lastEventId;

		void receive(String event) {
			String html = TestSink.elements(event);
			int value = Integer.parseInt(html.replaceAll("<[^>]+>", ""));
			if (html.startsWith("<p id=\"s\">")) {
				// Full state: it may only move forward.
				assertThat(value).isGreaterThanOrEqualTo(this.upTo);
				this.upTo = value;
				this.resyncs++;
			}
			else {
				assertThat(value).as("event after %d", this.upTo).isEqualTo(this.upTo + 1);
				this.upTo = value;
				this.replayed++;
			}
			if (TestSink.id(event) != null) {
				this.lastEventId = TestSink.id(event);
			}
		}

	}

}
