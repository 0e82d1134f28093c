package io.github.datastarspring.sample.dashboard.metrics;

import java.util.EnumMap;
import java.util.Map;

/**
 * One metric kept at every {@link Range}'s resolution. Each sample goes into the bucket of each
 * range (1 s, 5 s, 15 s wide); a bucket becomes a point, the average of its samples, when time
 * moves past it. The bucket still filling is shown as the newest point, so every range's chart
 * moves on every tick. Thread-safe.
 */
public final class RangedSeries {

	private final Map<Range, Buckets> buckets = new EnumMap<>(Range.class);

	public RangedSeries() {
		for (Range range : Range.values()) {
			this.buckets.put(range, new Buckets(range.step().toMillis()));
		}
	}

	/** Records {@code value} measured at {@code epochMillis}; times must not go backwards. */
	public synchronized void add(long epochMillis, double value) {
		for (Buckets b : this.buckets.values()) {
			b.add(epochMillis, value);
		}
	}

	/** The points of {@code range}, oldest first, at most {@link Range#POINTS}. */
	public synchronized Series series(Range range) {
		return this.buckets.get(range).snapshot();
	}

	private static final class Buckets {

		private final long width;

		// one slot is kept for the open bucket so that a chart never has more than POINTS points
		private final RingBuffer closed = new RingBuffer(Range.POINTS - 1);

		private long openBucket = Long.MIN_VALUE;

		private double sum;

		private int count;

		Buckets(long width) {
			this.width = width;
		}

		void add(long time, double value) {
			long bucket = Math.floorDiv(time, this.width);
			if (bucket != this.openBucket) {
				if (this.count > 0) {
					this.closed.add(end(this.openBucket), this.sum / this.count);
				}
				this.openBucket = bucket;
				this.sum = 0;
				this.count = 0;
			}
			this.sum += value;
			this.count++;
		}

		Series snapshot() {
			return this.closed.snapshot(end(this.openBucket), (this.count > 0) ? this.sum / this.count : 0,
					this.count > 0);
		}

		private long end(long bucket) {
			return (bucket + 1) * this.width;
		}

	}

}
