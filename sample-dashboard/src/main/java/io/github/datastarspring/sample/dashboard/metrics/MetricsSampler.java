package io.github.datastarspring.sample.dashboard.metrics;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.github.datastarspring.sample.dashboard.alerts.AlertRules;
import io.github.datastarspring.sample.dashboard.metrics.HttpMetricsReader.HttpTotals;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import org.springframework.context.SmartLifecycle;

/**
 * Samples every source once per tick on its own thread: turns cumulative counters into rates,
 * records the history, evaluates the alert rules and broadcasts the snapshot.
 */
public class MetricsSampler implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(MetricsSampler.class);

	private final HttpMetricsReader http;

	private final JvmMetricsReader jvm;

	private final BusinessSimulator business;

	private final MetricHistory history;

	private final AlertRules alerts;

	private final Duration tick;

	private final Clock clock;

	private final Sinks.Many<MetricSnapshot> ticks = Sinks.many().multicast().directBestEffort();

	private final AtomicReference<MetricSnapshot> latest;

	private ScheduledExecutorService executor;

	private long lastNanos;

	private HttpTotals lastHttp;

	private long lastOrders;

	public MetricsSampler(HttpMetricsReader http, JvmMetricsReader jvm, BusinessSimulator business,
			MetricHistory history, AlertRules alerts, Duration tick, Clock clock) {
		this.http = http;
		this.jvm = jvm;
		this.business = business;
		this.history = history;
		this.alerts = alerts;
		this.tick = tick;
		this.clock = clock;
		this.latest = new AtomicReference<>(MetricSnapshot.empty(clock.millis()));
	}

	/** Each snapshot as it is taken. */
	public Flux<MetricSnapshot> ticks() {
		return this.ticks.asFlux();
	}

	/** The newest snapshot. */
	public MetricSnapshot latest() {
		return this.latest.get();
	}

	/** Takes one snapshot now; the scheduled ticks call this. */
	public synchronized MetricSnapshot sample() {
		long now = System.nanoTime();
		HttpTotals httpNow = this.http.read();
		BusinessTotals businessNow = this.business.current();
		double seconds = (this.lastHttp == null) ? 0 : (now - this.lastNanos) / 1e9;
		double rps = 0;
		double errorRate = 0;
		double orders = 0;
		if (seconds > 0) {
			long requests = httpNow.requests() - this.lastHttp.requests();
			long errors = httpNow.errors() - this.lastHttp.errors();
			rps = requests / seconds;
			errorRate = (requests > 0) ? (double) errors / requests : 0;
			orders = (businessNow.orders() - this.lastOrders) / seconds;
		}
		this.lastNanos = now;
		this.lastHttp = httpNow;
		this.lastOrders = businessNow.orders();
		MetricSnapshot snapshot = new MetricSnapshot(this.clock.millis(), rps, httpNow.p99Millis(), errorRate,
				this.jvm.heapUsed(), this.jvm.heapMax(), this.jvm.processCpu(), orders, businessNow, this.http.openStreams());
		this.history.record(snapshot);
		this.latest.set(snapshot);
		this.alerts.evaluate(snapshot);
		this.ticks.tryEmitNext(snapshot);
		return snapshot;
	}

	@Override
	public synchronized void start() {
		this.executor = Executors.newSingleThreadScheduledExecutor((r) -> {
			Thread t = new Thread(r, "metrics-sampler");
			t.setDaemon(true);
			return t;
		});
		this.executor.scheduleAtFixedRate(this::safeSample, 0, this.tick.toMillis(), TimeUnit.MILLISECONDS);
	}

	private void safeSample() {
		try {
			sample();
		}
		catch (RuntimeException ex) {
			// a failed tick must not cancel the schedule
			logger.warn("Metric sampling failed", ex);
		}
	}

	@Override
	public synchronized void stop() {
		if (this.executor != null) {
			this.executor.shutdownNow();
			this.executor = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.executor != null;
	}

}
