package io.github.datastarspring.realtime;

import java.util.ArrayDeque;
import java.util.Iterator;

/** The last encoded events of a topic, oldest first; not thread-safe (guarded by the topic lock). */
final class ReplayBuffer {

	private final int capacity;

	private final ArrayDeque<byte[]> events;

	/** The sequence number of the newest event; 0 before the first. */
	private long last;

	ReplayBuffer(int capacity) {
		this.capacity = capacity;
		this.events = new ArrayDeque<>(Math.max(1, Math.min(capacity, 64)));
	}

	void add(long sequence, byte[] event) {
		this.last = sequence;
		if (this.capacity == 0) {
			return;
		}
		if (this.events.size() == this.capacity) {
			this.events.removeFirst();
		}
		this.events.addLast(event);
	}

	/** Whether every event after {@code sequence} is still here. */
	boolean hasAllAfter(long sequence) {
		return sequence <= this.last && sequence >= this.last - this.events.size();
	}

	/** The events after {@code sequence}, oldest first; only when {@link #hasAllAfter}. */
	Iterator<byte[]> after(long sequence) {
		Iterator<byte[]> it = this.events.iterator();
		for (long skip = sequence - (this.last - this.events.size()); skip > 0; skip--) {
			it.next();
		}
		return it;
	}

	int countAfter(long sequence) {
		return (int) (this.last - sequence);
	}

}
