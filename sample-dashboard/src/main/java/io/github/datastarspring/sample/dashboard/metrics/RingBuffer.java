package io.github.datastarspring.sample.dashboard.metrics;

/**
 * A fixed-capacity ring of timestamped values: adding to a full ring overwrites the oldest point,
 * so memory stays constant however long the application runs. Not thread-safe on its own.
 */
final class RingBuffer {

	private final long[] times;

	private final double[] values;

	private int next;

	private int size;

	RingBuffer(int capacity) {
		if (capacity < 1) {
			throw new IllegalArgumentException("capacity must be positive");
		}
		this.times = new long[capacity];
		this.values = new double[capacity];
	}

	void add(long time, double value) {
		this.times[this.next] = time;
		this.values[this.next] = value;
		this.next = (this.next + 1) % this.times.length;
		this.size = Math.min(this.size + 1, this.times.length);
	}

	int size() {
		return this.size;
	}

	/** The points oldest first, then the extra point when {@code withExtra}. */
	Series snapshot(long extraTime, double extraValue, boolean withExtra) {
		int n = this.size + (withExtra ? 1 : 0);
		long[] t = new long[n];
		double[] v = new double[n];
		int start = (this.next - this.size + this.times.length) % this.times.length;
		for (int i = 0; i < this.size; i++) {
			int j = (start + i) % this.times.length;
			t[i] = this.times[j];
			v[i] = this.values[j];
		}
		if (withExtra) {
			t[n - 1] = extraTime;
			v[n - 1] = extraValue;
		}
		return new Series(t, v);
	}

}
