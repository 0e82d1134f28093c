package io.github.datastarspring.realtime;

import java.time.Duration;

import io.github.datastarspring.core.DatastarEventEncoder;
import io.github.datastarspring.core.DatastarEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Users and sessions on two instances whose hubs share one log. */
class DatastarUsersAcrossInstancesTests {

	private final DatastarPresenceTests.SharedLog log = new DatastarPresenceTests.SharedLog();

	private final InMemoryDatastarBroadcaster hubA = hub();

	private final InMemoryDatastarBroadcaster hubB = hub();

	private final DatastarUsers usersA = new DatastarUsers(this.hubA, "location.reload()");

	private final DatastarUsers usersB = new DatastarUsers(this.hubB, "location.reload()");

	@AfterEach
	void close() {
		this.hubA.close();
		this.hubB.close();
		this.log.close();
	}

	@Test
	void aMessageToAUserPublishedOnOneInstanceReachesTheirTabsOnTheOther() {
		TestSink tabOnB = this.usersB.attach(new TestSink(), "user2", "s2");
		this.usersA.publishToUser("user2", DatastarEvents.patchElements("<p id=\"dm\">hi</p>"));
		assertThat(tabOnB.next()).contains("<p id=\"dm\">hi</p>");
	}

	@Test
	void aSessionEndedOnOneInstanceEndsItsTabsOnTheOther() {
		TestSink tabOnA = this.usersA.attach(new TestSink(), "user1", "s1");
		TestSink tabOnB = this.usersB.attach(new TestSink(), "user1", "s1");
		this.usersA.endSession("s1");
		// Each hub delivers what it reads from the log on its own thread: completion follows the
		// session-end patch there, not in endSession's caller.
		for (TestSink tab : new TestSink[] { tabOnA, tabOnB }) {
			assertThat(tab.next()).contains("data-init=\"location.reload()\"");
			assertThat(tab.completedWithin(Duration.ofSeconds(2))).isTrue();
		}
	}

	private InMemoryDatastarBroadcaster hub() {
		return InMemoryDatastarBroadcaster.builder(new DatastarEventEncoder())
			.heartbeat(Duration.ZERO)
			.eventLog(this.log)
			.build();
	}

}
