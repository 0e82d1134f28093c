package io.github.datastarspring.sample.dashboard.view;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.github.datastarspring.core.PatchElements;
import io.github.datastarspring.core.PatchSignals;
import io.github.datastarspring.sample.dashboard.metrics.MetricSnapshot;
import io.github.datastarspring.sample.dashboard.metrics.MetricsSampler;
import io.github.datastarspring.sample.dashboard.metrics.Range;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import org.springframework.beans.factory.DisposableBean;

/**
 * Renders each tick once for all pages: the KPI patch and the charts of every range. A page on
 * the 5m range receives the 5m charts that were rendered for every page on that range.
 */
public class DashboardFrames implements DisposableBean {

	private final DashboardView view;

	private final AtomicReference<Frame> latest;

	private final Sinks.Many<Frame> frames = Sinks.many().multicast().directBestEffort();

	private final Disposable subscription;

	public DashboardFrames(DashboardView view, MetricsSampler sampler) {
		this.view = view;
		this.latest = new AtomicReference<>(render(sampler.latest()));
		this.subscription = sampler.ticks().subscribe(this::publish);
	}

	/** The frame of the newest tick. */
	public Frame latest() {
		return this.latest.get();
	}

	/** Frames from now on, one per tick. */
	public Flux<Frame> frames() {
		return this.frames.asFlux();
	}

	private void publish(MetricSnapshot snapshot) {
		Frame frame = render(snapshot);
		this.latest.set(frame);
		this.frames.tryEmitNext(frame);
	}

	private Frame render(MetricSnapshot snapshot) {
		Map<Range, PatchElements> charts = new EnumMap<>(Range.class);
		for (Range range : Range.values()) {
			charts.put(range, this.view.charts(range, snapshot.epochMillis()));
		}
		return new Frame(snapshot, this.view.kpiSignals(snapshot), charts);
	}

	@Override
	public void destroy() {
		this.subscription.dispose();
	}

	/**
	 * One tick, rendered.
	 * @param snapshot the metrics
	 * @param kpis the KPI patch
	 * @param charts the chart patch of each range
	 */
	public record Frame(MetricSnapshot snapshot, PatchSignals kpis, Map<Range, PatchElements> charts) {

		public PatchElements charts(Range range) {
			return this.charts.get(range);
		}

	}

}
