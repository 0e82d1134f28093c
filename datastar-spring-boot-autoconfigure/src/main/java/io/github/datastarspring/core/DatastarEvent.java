package io.github.datastarspring.core;

import java.time.Duration;

/**
 * One Datastar server-sent event. Immutable; encode it with {@link DatastarEventEncoder}.
 *
 * <p>Create events with the static factories of {@link DatastarEvents} or the builders of the
 * implementations.
 */
public sealed interface DatastarEvent permits PatchElements, PatchSignals, ExecuteScript {

	/** The SSE retry the client uses when no {@code retry:} line is sent. */
	Duration DEFAULT_RETRY = Duration.ofMillis(1000);

	/** The SSE {@code event:} type this event is written as. */
	EventType type();

	/** The SSE {@code id:}, or {@code null} for none. */
	String eventId();

	/** The SSE {@code retry:}; {@link #DEFAULT_RETRY} is never written. */
	Duration retry();

	/** This event with another SSE id (the real-time hub stamps topic sequence numbers). */
	DatastarEvent withEventId(String eventId);

}
