package io.github.datastarspring.realtime.postgres;

import org.junit.jupiter.api.Test;

import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What each instance's listener makes of a wake-up: it skips only the appends its own hub
 * delivered itself. The logs are never started: no database is needed to read a payload.
 */
class WakeUpPayloadTests {

	private final PostgresDatastarEventLog a = PostgresDatastarEventLog.builder(new SimpleDriverDataSource()).build();

	private final PostgresDatastarEventLog b = PostgresDatastarEventLog.builder(new SimpleDriverDataSource()).build();

	@Test
	void anAppendOutsideATransactionWakesOnlyTheOtherInstances() {
		String payload = this.a.wakeUpPayload("todos", false);
		assertThat(this.a.topicToWake(payload)).isNull();
		assertThat(this.b.topicToWake(payload)).isEqualTo("todos");
	}

	@Test
	void anAppendInsideATransactionWakesEveryInstanceAsItsHubDeliversOnlyAfterCommit() {
		String payload = this.a.wakeUpPayload("list 1", true);
		assertThat(this.a.topicToWake(payload)).isEqualTo("list 1");
		assertThat(this.b.topicToWake(payload)).isEqualTo("list 1");
	}

	@Test
	void aTopicNameWithSpacesComesThroughWhole() {
		assertThat(this.a.topicToWake(this.b.wakeUpPayload("a b c", false))).isEqualTo("a b c");
	}

	@Test
	void someoneElsesNotifyOnTheChannelIsTakenAsATopicName() {
		assertThat(this.a.topicToWake("wake-1-2")).isEqualTo("wake-1-2");
	}

}
