package dev.datastar.spring.sample.dashboard.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.datastar.spring.core.DatastarEvent;
import dev.datastar.spring.sample.dashboard.alerts.AlertFeed;
import dev.datastar.spring.sample.dashboard.metrics.BusinessSimulator;
import dev.datastar.spring.sample.dashboard.metrics.HttpMetricsReader;
import dev.datastar.spring.sample.dashboard.metrics.Range;
import dev.datastar.spring.sample.dashboard.view.DashboardFrames;
import dev.datastar.spring.sample.dashboard.view.DashboardView;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * One event stream per open page. On every (re)connect it first sends the complete current state
 * (connection flag, range, KPIs, business counters, charts, alert list), because the browser
 * drops the stream whenever the tab is hidden and reopens it when shown. Then it merges:
 * <ul>
 * <li>one KPI patch and one chart patch per tick, for the page's current range;</li>
 * <li>the business stream (thousands of updates a second) coalesced to the newest value every
 * {@link dev.datastar.spring.sample.dashboard.DashboardProperties#businessPatchInterval()};</li>
 * <li>each new alert, prepended to the feed.</li>
 * </ul>
 * A range change ({@link #changeRange}) switches the chart part of the live stream at once.
 */
public class PageStreams {

	private final Map<String, Page> pages = new ConcurrentHashMap<>();

	private final DashboardFrames frames;

	private final DashboardView view;

	private final BusinessSimulator business;

	private final AlertFeed alerts;

	private final Duration businessInterval;

	public PageStreams(DashboardFrames frames, DashboardView view, BusinessSimulator business, AlertFeed alerts,
			Duration businessInterval, MeterRegistry registry) {
		this.frames = frames;
		this.view = view;
		this.business = business;
		this.alerts = alerts;
		this.businessInterval = businessInterval;
		Gauge.builder(HttpMetricsReader.OPEN_STREAMS, this.pages, Map::size)
			.description("Dashboard pages with a live event stream")
			.register(registry);
	}

	/** The stream of page {@code pageId}, starting on {@code range}. A newer stream of the same page replaces it. */
	public Flux<DatastarEvent> open(String pageId, Range range) {
		return Flux.defer(() -> {
			Page page = new Page(range);
			this.pages.put(pageId, page);
			Flux<DatastarEvent> snapshot = Flux.defer(() -> Flux.just(this.view.connected(),
					this.frames.latest().kpis(), this.view.businessSignals(this.business.current()),
					this.view.alertList(this.alerts.recent())));
			Flux<DatastarEvent> kpis = this.frames.frames().map(DashboardFrames.Frame::kpis);
			Flux<DatastarEvent> charts = page.ranges.asFlux()
				.distinctUntilChanged()
				.switchMap((r) -> this.frames.frames()
					.<DatastarEvent>map((frame) -> frame.charts(r))
					.startWith(this.view.rangeSignal(r), this.frames.latest().charts(r)));
			Flux<DatastarEvent> orders = this.business.updates()
				.sample(this.businessInterval)
				.map(this.view::businessSignals);
			Flux<DatastarEvent> feed = this.alerts.added()
				.concatMapIterable((alert) -> List.of(this.view.prependAlert(alert), this.view.trimAlerts()));
			Flux<DatastarEvent> dropped = page.drop.asMono().then(Mono.<DatastarEvent>error(DroppedException::new)).flux();
			return Flux.concat(snapshot, Flux.merge(kpis, charts, orders, feed, dropped))
				.doFinally((signal) -> this.pages.remove(pageId, page));
		});
	}

	/**
	 * Switches the live stream of page {@code pageId} to {@code range}.
	 * @return {@code false} when that page has no open stream (it will ask for its range when it reconnects)
	 */
	public boolean changeRange(String pageId, Range range) {
		Page page = this.pages.get(pageId);
		if (page == null) {
			return false;
		}
		synchronized (page) {
			return page.ranges.tryEmitNext(range).isSuccess();
		}
	}

	/**
	 * Breaks every open stream as a network failure would, so that the pages show "reconnecting"
	 * and come back by themselves: a demonstration of the browser's retry.
	 * @return how many streams were dropped
	 */
	public int dropAll() {
		int dropped = 0;
		for (Page page : this.pages.values()) {
			if (page.drop.tryEmitEmpty().isSuccess()) {
				dropped++;
			}
		}
		return dropped;
	}

	/** How many pages have a stream open right now. */
	public int openStreams() {
		return this.pages.size();
	}

	/** Ends a stream abruptly: the connection is closed without the end of the response. */
	static final class DroppedException extends RuntimeException {

		DroppedException() {
			super("Stream dropped on purpose", null, false, false);
		}

	}

	private static final class Page {

		final Sinks.Many<Range> ranges = Sinks.many().replay().latest();

		final Sinks.Empty<Void> drop = Sinks.empty();

		Page(Range range) {
			this.ranges.tryEmitNext(range);
		}

	}

}
