package io.github.datastarspring.sample.dashboard.metrics;

import java.util.EnumMap;
import java.util.Map;

/** The history of every {@link Metric} at every {@link Range}, in memory, constant size. */
public class MetricHistory {

	private final Map<Metric, RangedSeries> series = new EnumMap<>(Metric.class);

	public MetricHistory() {
		for (Metric metric : Metric.values()) {
			this.series.put(metric, new RangedSeries());
		}
	}

	/** Adds one point per metric. */
	public void record(MetricSnapshot snapshot) {
		for (Map.Entry<Metric, RangedSeries> e : this.series.entrySet()) {
			e.getValue().add(snapshot.epochMillis(), e.getKey().read(snapshot));
		}
	}

	public Series series(Metric metric, Range range) {
		return this.series.get(metric).series(range);
	}

}
