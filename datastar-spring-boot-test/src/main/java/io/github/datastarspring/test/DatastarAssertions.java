package io.github.datastarspring.test;

import org.jspecify.annotations.Nullable;

/**
 * Entry points for AssertJ assertions on Datastar events, beside AssertJ's own
 * ({@code import static ...DatastarAssertions.assertThat} and {@code ...Assertions.assertThat}
 * together: Java picks the one that fits).
 *
 * <pre class="code">
 * assertThat(DatastarMockMvc.events(result)).singleElement()
 *     .isPatchSignals()
 *     .hasSignal("title", "");
 * </pre>
 */
public final class DatastarAssertions {

	private DatastarAssertions() {
	}

	/** Assertions on the events of a response. */
	public static ReceivedEventsAssert assertThat(@Nullable ReceivedEvents events) {
		return new ReceivedEventsAssert(events);
	}

	/** Assertions on one event. */
	public static ReceivedEventAssert assertThat(@Nullable ReceivedEvent event) {
		return new ReceivedEventAssert(event);
	}

}
