package io.github.datastarspring.realtime;

import java.util.List;

import io.github.datastarspring.core.DatastarEventEncoder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Without a final event, stopping the hub aborts its streams so that every page reconnects by itself. */
class BroadcasterShutdownTests {

	@Test
	void shutdownWithoutAFinalEventAbortsEveryStream() {
		try (InMemoryDatastarBroadcaster broadcaster = InMemoryDatastarBroadcaster.builder(new DatastarEventEncoder())
			.build()) {
			TestSink a = broadcaster.subscribe("a", new TestSink());
			TestSink b = broadcaster.subscribe("b", new TestSink());
			broadcaster.stop();
			for (TestSink sink : List.of(a, b)) {
				assertThat(sink.aborted()).isTrue();
				assertThat(sink.completed()).isFalse();
			}
			TestSink late = broadcaster.subscribe("a", new TestSink());
			assertThat(late.aborted()).isTrue();
			assertThat(broadcaster.subscriberCount()).isZero();
		}
	}

}
