package io.github.datastarspring.realtime;

import java.util.concurrent.atomic.AtomicBoolean;

import io.github.datastarspring.core.DatastarSink;

/** One stream on one topic. */
final class TopicSubscriber {

	final DatastarSink sink;

	final DatastarSnapshot snapshot;

	/** Publications up to this serial are covered by the snapshot it was sent; -1 for none. */
	long coveredSerial = -1;

	private volatile long lastSentNanos = System.nanoTime();

	private final AtomicBoolean closed = new AtomicBoolean();

	TopicSubscriber(DatastarSink sink, DatastarSnapshot snapshot) {
		this.sink = sink;
		this.snapshot = snapshot;
	}

	boolean offer(byte[] bytes) {
		return offer(bytes, System.nanoTime());
	}

	boolean offer(byte[] bytes, long nowNanos) {
		if (this.sink.offer(bytes)) {
			this.lastSentNanos = nowNanos;
			return true;
		}
		return false;
	}

	boolean idleSince(long nanos) {
		return this.lastSentNanos - nanos <= 0;
	}

	/** Marks it closed; {@code true} only the first time. */
	boolean close() {
		return this.closed.compareAndSet(false, true);
	}

	boolean isClosed() {
		return this.closed.get();
	}

}
