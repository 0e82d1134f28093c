package io.github.datastarspring.realtime;

import java.time.Duration;

import io.github.datastarspring.core.DatastarEventEncoder;
import io.github.datastarspring.core.DatastarEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DatastarUsersTests {

	private final InMemoryDatastarBroadcaster hub = InMemoryDatastarBroadcaster.builder(new DatastarEventEncoder())
		.heartbeat(Duration.ZERO)
		.build();

	private final DatastarUsers users = new DatastarUsers(this.hub, "location.reload()");

	@AfterEach
	void close() {
		this.hub.close();
	}

	@Test
	void aUsersDestinationReachesEveryTabOfThatUserAndNoOtherUser() {
		TestSink user2Tab1 = this.users.attach(this.hub.subscribe("room", new TestSink()), "user2", "s1");
		TestSink user2Tab2 = this.users.attach(this.hub.subscribe("room", new TestSink()), "user2", "s2");
		TestSink user3 = this.users.attach(this.hub.subscribe("room", new TestSink()), "user3", "s3");
		this.users.publishToUser("user2", DatastarEvents.patchElements("<p id=\"dm\">hi</p>"));
		assertThat(user2Tab1.next()).contains("data: elements <p id=\"dm\">hi</p>");
		assertThat(user2Tab2.next()).contains("data: elements <p id=\"dm\">hi</p>");
		assertThat(user3.next(Duration.ofMillis(100))).isNull();
	}

	@Test
	void aSessionsDestinationReachesOnlyThatSession() {
		TestSink tab1 = this.users.attach(new TestSink(), "user1", "s1");
		TestSink otherSession = this.users.attach(new TestSink(), "user1", "s2");
		this.users.publishToSession("s1", DatastarEvents.patchElements("<p id=\"x\"></p>"));
		assertThat(tab1.next()).contains("<p id=\"x\"></p>");
		assertThat(otherSession.next(Duration.ofMillis(100))).isNull();
	}

	@Test
	void endingASessionSendsItsTabsTheSessionEndScriptThenCompletesThem() {
		TestSink tab1 = this.users.attach(this.hub.subscribe("room", new TestSink()), "user1", "s1");
		TestSink tab2 = this.users.attach(this.hub.subscribe("room", new TestSink()), "user1", "s1");
		TestSink otherSession = this.users.attach(this.hub.subscribe("room", new TestSink()), "user1", "s2");
		this.users.endSession("s1");
		for (TestSink tab : new TestSink[] { tab1, tab2 }) {
			assertThat(tab.next()).contains("data: selector body\n")
				.contains("data: mode append\n")
				.contains("data-init=\"location.reload()\"");
			assertThat(tab.completed()).isTrue();
		}
		assertThat(otherSession.isOpen()).isTrue();
		assertThat(this.hub.subscriberCount("room")).isEqualTo(1);
	}

	@Test
	void theSessionEndScriptIsEscapedForItsAttribute() {
		DatastarUsers quoting = new DatastarUsers(this.hub, "location.assign(\"/login?a=1&b=<2>\")");
		TestSink tab = quoting.attach(new TestSink(), (String) null, "s9");
		quoting.endSession("s9");
		assertThat(tab.next()).contains("data-init=\"location.assign(&quot;/login?a=1&amp;b=&lt;2&gt;&quot;)\"");
	}

	@Test
	void aClosedStreamLeavesItsDestinations() {
		TestSink tab = this.users.attach(new TestSink(), "user1", "s1");
		assertThat(this.hub.subscriberCount(DatastarDestinations.user("user1"))).isOne();
		assertThat(this.hub.subscriberCount(DatastarDestinations.session("s1"))).isOne();
		tab.complete();
		assertThat(this.hub.subscriberCount(DatastarDestinations.user("user1"))).isZero();
		assertThat(this.hub.subscriberCount(DatastarDestinations.session("s1"))).isZero();
	}

	@Test
	void destinationsAreTopicsWithTheConventionalNames() {
		assertThat(DatastarDestinations.user("ann")).isEqualTo("datastar:user:ann");
		assertThat(DatastarDestinations.session("42")).isEqualTo("datastar:session:42");
	}

}
