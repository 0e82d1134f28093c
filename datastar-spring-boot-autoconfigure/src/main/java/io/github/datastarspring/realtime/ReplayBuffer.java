package io.github.datastarspring.realtime;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The last entries of one topic, oldest first, bounded by count and by bytes; the newest entry is
 * always kept so that the hub can deliver it. Not thread-safe (guarded by its owner).
 */
final class ReplayBuffer {

	private final int capacity;

	private final long maxBytes;

	private final ArrayDeque<DatastarEventLog.Entry> entries = new ArrayDeque<>();

	private long bytes;

	/** The sequence number of the newest entry; 0 before the first. */
	private long last;

	ReplayBuffer(int capacity, long maxBytes) {
		this.capacity = Math.max(1, capacity);
		this.maxBytes = maxBytes;
	}

	long add(byte[] event) {
		long sequence = ++this.last;
		this.entries.addLast(new DatastarEventLog.Entry(sequence, event));
		this.bytes += event.length;
		while (this.entries.size() > 1 && (this.entries.size() > this.capacity || this.bytes > this.maxBytes)) {
			this.bytes -= this.entries.removeFirst().event().length;
		}
		return sequence;
	}

	long last() {
		return this.last;
	}

	/** Whether every entry after {@code sequence} is still here. */
	boolean hasAllAfter(long sequence) {
		return sequence <= this.last && sequence >= this.last - this.entries.size();
	}

	/** Up to {@code limit} entries after {@code sequence}, oldest first; only when {@link #hasAllAfter}. */
	List<DatastarEventLog.Entry> after(long sequence, int limit) {
		int count = (int) Math.min(limit, this.last - sequence);
		List<DatastarEventLog.Entry> result = new ArrayList<>(count);
		Iterator<DatastarEventLog.Entry> it = this.entries.iterator();
		for (long skip = sequence - (this.last - this.entries.size()); skip > 0; skip--) {
			it.next();
		}
		for (int i = 0; i < count; i++) {
			result.add(it.next());
		}
		return result;
	}

}
