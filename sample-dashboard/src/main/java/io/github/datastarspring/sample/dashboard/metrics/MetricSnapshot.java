package io.github.datastarspring.sample.dashboard.metrics;

/**
 * Every KPI at one tick.
 *
 * @param epochMillis when it was taken
 * @param requestsPerSecond API requests per second over the last tick
 * @param p99Millis 99th percentile API latency
 * @param errorRate share of API requests answered 5xx over the last tick, 0 to 1
 * @param heapUsed heap in use, bytes
 * @param heapMax heap limit, bytes
 * @param cpu process CPU, 0 to 1 of the machine
 * @param ordersPerSecond simulated orders per second over the last tick
 * @param business the business totals at this tick
 * @param openStreams dashboard pages with a live stream
 */
public record MetricSnapshot(long epochMillis, double requestsPerSecond, double p99Millis, double errorRate,
		long heapUsed, long heapMax, double cpu, double ordersPerSecond, BusinessTotals business, int openStreams) {

	/** Heap use as a share of the limit, 0 to 1. */
	public double heapRatio() {
		return (this.heapMax > 0) ? (double) this.heapUsed / this.heapMax : 0;
	}

	/** A snapshot with nothing measured yet. */
	public static MetricSnapshot empty(long epochMillis) {
		return new MetricSnapshot(epochMillis, 0, 0, 0, 0, 0, 0, 0, BusinessTotals.NONE, 0);
	}

}
