package io.github.datastarspring.realtime;

import io.github.datastarspring.core.DatastarEvent;

/**
 * Sends a topic's full current state to one subscriber: on its first connect, and whenever the
 * events it missed are no longer available. Usually one patch that replaces the whole view:
 * {@code out -> out.send(renderer.patchElements("todos :: app", model))}.
 *
 * <p>Runs while the topic's publishers wait, so keep it to reading state and rendering.
 */
@FunctionalInterface
public interface DatastarSnapshot {

	/** Sends the full state with {@link Writer#send}, in order. */
	void sendTo(Writer out);

	/** Where a snapshot's events go. */
	@FunctionalInterface
	interface Writer {

		void send(DatastarEvent event);

	}

}
