package io.github.datastarspring.realtime;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;

import io.github.datastarspring.core.DatastarEventEncoder;
import io.github.datastarspring.realtime.DatastarEventLog.Position;
import io.github.datastarspring.realtime.DatastarEventLog.Read;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class DatastarPresenceTests {

	private static final Duration HEARTBEAT = Duration.ofMillis(100);

	private final SharedLog log = new SharedLog();

	private final InMemoryDatastarBroadcaster hubA = hub(this.log);

	private final InMemoryDatastarBroadcaster hubB = hub(this.log);

	private final DatastarPresence presenceA = new DatastarPresence(this.hubA, JsonMapper.shared(), HEARTBEAT);

	private final DatastarPresence presenceB = new DatastarPresence(this.hubB, JsonMapper.shared(), HEARTBEAT);

	private final List<String> eventsSeenByA = new CopyOnWriteArrayList<>();

	@AfterEach
	void close() {
		this.presenceA.close();
		this.presenceB.close();
		this.hubA.close();
		this.hubB.close();
		this.log.close();
	}

	@Test
	void aUserWithTwoTabsIsOneMemberWithTwoTabsAndJoinsOnce() {
		this.presenceA.addListener((e) -> this.eventsSeenByA.add(e.change() + " " + e.user() + " " + e.members()));
		TestSink tab1 = tab(this.hubA, this.presenceA, "user3");
		tab(this.hubA, this.presenceA, "user3");
		tab(this.hubA, this.presenceA, "user1");
		assertThat(this.presenceA.members("room")).containsExactly(Map.entry("user1", 1), Map.entry("user3", 2));
		tab1.disconnect();
		assertThat(this.presenceA.members("room")).containsEntry("user3", 1);
		assertThat(this.eventsSeenByA).containsExactly("JOINED user3 {user3=1}", "TABS user3 {user3=2}",
				"JOINED user1 {user1=1, user3=2}", "TABS user3 {user1=1, user3=1}");
	}

	@Test
	void theLastTabClosingIsALeave() {
		this.presenceA.addListener((e) -> this.eventsSeenByA.add((e.joined() ? "join " : "leave ") + e.user()
				+ " " + e.members().keySet()));
		TestSink tab = tab(this.hubA, this.presenceA, "user3");
		tab.disconnect();
		assertThat(this.presenceA.members("room")).isEmpty();
		assertThat(this.eventsSeenByA).containsExactly("join user3 [user3]", "leave user3 []");
	}

	@Test
	void aTabThatDiesWithoutGoodbyeLeavesWhenTheHubsHeartbeatFindsItGone() {
		InMemoryDatastarBroadcaster beating = InMemoryDatastarBroadcaster.builder(new DatastarEventEncoder())
			.heartbeat(HEARTBEAT)
			.build();
		try (DatastarPresence presence = new DatastarPresence(beating, JsonMapper.shared(), HEARTBEAT)) {
			TestSink tab = tab(beating, presence, "user3");
			tab.dieSilently();
			await().atMost(Duration.ofSeconds(5)).until(() -> presence.members("room").isEmpty());
		}
		finally {
			beating.close();
		}
	}

	@Test
	void membersOnAnotherInstanceArePresentHereThroughTheSharedLog() {
		tab(this.hubA, this.presenceA, "user1");
		tab(this.hubB, this.presenceB, "user3");
		tab(this.hubB, this.presenceB, "user3");
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(this.presenceA.members("room"))
				.containsExactly(Map.entry("user1", 1), Map.entry("user3", 2)));
		assertThat(this.presenceB.members("room")).isEqualTo(this.presenceA.members("room"));
	}

	@Test
	void anInstanceThatStopsAnnouncingIsForgottenWithinThreeHeartbeats() {
		tab(this.hubA, this.presenceA, "user1");
		tab(this.hubB, this.presenceB, "user3");
		await().atMost(Duration.ofSeconds(5)).until(() -> this.presenceA.members("room").containsKey("user3"));
		this.presenceB.close();
		await().atMost(Duration.ofSeconds(5)).until(() -> !this.presenceA.members("room").containsKey("user3"));
		assertThat(this.presenceA.members("room")).containsOnlyKeys("user1");
	}

	private static TestSink tab(InMemoryDatastarBroadcaster hub, DatastarPresence presence, String user) {
		TestSink sink = hub.subscribe("room", new TestSink());
		presence.track("room", user, sink);
		return sink;
	}

	private static InMemoryDatastarBroadcaster hub(SharedLog log) {
		return InMemoryDatastarBroadcaster.builder(new DatastarEventEncoder())
			.heartbeat(Duration.ZERO)
			.eventLog(log)
			.build();
	}

	/**
	 * Plays a shared log in one JVM: both hubs read and append the same entries, and every append
	 * wakes every hub (on another thread, as a database listener would).
	 */
	static final class SharedLog implements DatastarEventLog {

		private final InMemoryDatastarEventLog log = new InMemoryDatastarEventLog(256, 1 << 20);

		private final List<Consumer<Set<String>>> tails = new CopyOnWriteArrayList<>();

		private final ExecutorService listener = Executors.newSingleThreadExecutor();

		@Override
		public @Nullable Position append(String topic, byte[] event) {
			Position position = this.log.append(topic, event);
			this.listener.execute(() -> this.tails.forEach((t) -> t.accept(Set.of(topic))));
			return position;
		}

		@Override
		public Map<String, Read> read(Map<String, Position> after, int limit) {
			return this.log.read(after, limit);
		}

		@Override
		public <T> T locked(String topic, Function<Position, T> work) {
			return this.log.locked(topic, work);
		}

		@Override
		public void tail(Consumer<Set<String>> wakeUp) {
			this.tails.add(wakeUp);
		}

		@Override
		public void release(String topic) {
			// shared by both hubs: one hub losing interest does not drop the other's history
		}

		void close() {
			this.listener.shutdownNow();
		}

	}

}
