package io.github.datastarspring.sample.dashboard.metrics;

/**
 * Points of a chart in time order, copied out of a ring buffer.
 *
 * @param times epoch milliseconds of each point (the end of its bucket)
 * @param values the value of each point
 */
public record Series(long[] times, double[] values) {

	public int size() {
		return this.times.length;
	}

	public boolean isEmpty() {
		return this.times.length == 0;
	}

	/** The newest value, or {@code 0} for an empty series. */
	public double last() {
		return isEmpty() ? 0 : this.values[this.values.length - 1];
	}

	public double max() {
		double max = 0;
		for (double v : this.values) {
			max = Math.max(max, v);
		}
		return max;
	}

}
