package io.github.datastarspring.sample.dashboard.metrics;

import java.util.function.ToDoubleFunction;

/** The metrics kept as history for the charts, and how each is read from a snapshot. */
public enum Metric {

	REQUESTS("Requests", s -> s.requestsPerSecond()),

	ERRORS("Errors", s -> s.requestsPerSecond() * s.errorRate()),

	P99("p99", MetricSnapshot::p99Millis),

	ORDERS("Orders", MetricSnapshot::ordersPerSecond),

	HEAP("Heap", s -> 100 * s.heapRatio()),

	CPU("CPU", s -> 100 * s.cpu());

	private final String label;

	private final ToDoubleFunction<MetricSnapshot> reader;

	Metric(String label, ToDoubleFunction<MetricSnapshot> reader) {
		this.label = label;
		this.reader = reader;
	}

	public String label() {
		return this.label;
	}

	public double read(MetricSnapshot snapshot) {
		return this.reader.applyAsDouble(snapshot);
	}

}
