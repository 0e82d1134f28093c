package io.github.datastarspring.realtime;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Epochs of the in-memory log: {@code <run>.<generation>}. The run part is chosen at startup and
 * the generation counts topics within the run, so an id from an earlier run, or from a topic that
 * was since forgotten and followed again, is recognised as foreign.
 */
final class EventIds {

	private final String run;

	private final AtomicLong generations = new AtomicLong();

	EventIds() {
		this.run = Long.toString(System.currentTimeMillis(), 36)
				+ Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36), 36);
	}

	/** The epoch of a new topic. */
	String newEpoch() {
		return this.run + "." + Long.toString(this.generations.incrementAndGet(), 36);
	}

}
