package io.github.datastarspring.conformance;

import io.github.datastarspring.test.DatastarAssertions;
import io.github.datastarspring.test.ReceivedEvents;

/**
 * The comparison rules of the official suite, kept for the tests that still call it: a delegate
 * to {@code ReceivedEventsAssert.isEquivalentTo} of datastar-spring-boot-test.
 */
public final class SseComparison {

	private SseComparison() {
	}

	public static void assertEquivalent(String expected, String actual) {
		DatastarAssertions.assertThat(ReceivedEvents.parse(actual)).isEquivalentTo(expected);
	}

}
