package io.github.datastarspring.realtime;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Event ids: {@code <run>.<generation>-<sequence>}. The run part is chosen at startup and the
 * generation counts topic instances within the run, so an id from an earlier run, or from a topic
 * that was since forgotten and created again, is recognised as foreign.
 */
final class EventIds {

	private final String run;

	private final AtomicLong generations = new AtomicLong();

	EventIds() {
		this.run = Long.toString(System.currentTimeMillis(), 36)
				+ Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36), 36);
	}

	/** The id prefix for a new topic instance. */
	String newEpoch() {
		return this.run + "." + Long.toString(this.generations.incrementAndGet(), 36);
	}

	static String format(String epoch, long sequence) {
		return epoch + "-" + sequence;
	}

	/** The sequence number of {@code id} when it belongs to {@code epoch}, otherwise -1. */
	static long sequence(String id, String epoch) {
		if (id == null || id.length() <= epoch.length() + 1 || !id.startsWith(epoch)
				|| id.charAt(epoch.length()) != '-') {
			return -1;
		}
		long value = 0;
		for (int i = epoch.length() + 1; i < id.length(); i++) {
			char c = id.charAt(i);
			if (c < '0' || c > '9' || value > (Long.MAX_VALUE - 9) / 10) {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

}
