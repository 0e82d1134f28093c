package io.github.datastarspring.sample.dashboard.metrics;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;

/**
 * Reads the application's own Micrometer meters: the HTTP server metrics ({@code http.server.requests}, recorded by
 * Spring's observation filter) for the API endpoints: totals to derive rates from, and the p99
 * latency Micrometer keeps over a short decaying window.
 *
 * <p>Only {@code /api/**} requests count: the dashboard's own streams last minutes and would
 * swamp the latency.
 */
public class HttpMetricsReader {

	static final String METER = "http.server.requests";

	/** The gauge the page streams publish their count on. */
	public static final String OPEN_STREAMS = "dashboard.streams.open";

	private final MeterRegistry registry;

	public HttpMetricsReader(MeterRegistry registry) {
		this.registry = registry;
	}

	/** Cumulative counts and the current p99 across the API endpoints. */
	public HttpTotals read() {
		long requests = 0;
		long errors = 0;
		double p99 = 0;
		for (Timer timer : this.registry.find(METER).timers()) {
			String uri = timer.getId().getTag("uri");
			if (uri == null || !uri.startsWith("/api/")) {
				continue;
			}
			HistogramSnapshot snapshot = timer.takeSnapshot();
			requests += snapshot.count();
			String status = timer.getId().getTag("status");
			if (status != null && status.startsWith("5")) {
				errors += snapshot.count();
			}
			for (ValueAtPercentile percentile : snapshot.percentileValues()) {
				if (percentile.percentile() == 0.99) {
					// p99s of separate series cannot be merged; the slowest one is the honest bound
					p99 = Math.max(p99, percentile.value(TimeUnit.MILLISECONDS));
				}
			}
		}
		return new HttpTotals(requests, errors, p99);
	}

	/** Pages with a live dashboard stream, from the {@code dashboard.streams.open} gauge. */
	public int openStreams() {
		Gauge gauge = this.registry.find(OPEN_STREAMS).gauge();
		return (gauge != null) ? (int) gauge.value() : 0;
	}

	/**
	 * @param requests API requests served since start
	 * @param errors those answered with a 5xx status
	 * @param p99Millis the 99th percentile latency over the recent window
	 */
	public record HttpTotals(long requests, long errors, double p99Millis) {
	}

}
