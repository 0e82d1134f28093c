package io.github.datastarspring.sample.dashboard.web;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.datastarspring.realtime.DatastarBroadcaster;
import io.github.datastarspring.sample.dashboard.alerts.Alert;
import io.github.datastarspring.sample.dashboard.alerts.AlertFeed;
import io.github.datastarspring.sample.dashboard.metrics.BusinessSimulator;
import io.github.datastarspring.sample.dashboard.metrics.BusinessTotals;
import io.github.datastarspring.sample.dashboard.metrics.HttpMetricsReader;
import io.github.datastarspring.sample.dashboard.metrics.Range;
import io.github.datastarspring.sample.dashboard.view.DashboardFrames;
import io.github.datastarspring.sample.dashboard.view.DashboardView;
import io.github.datastarspring.webflux.DatastarStream;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.Disposable;
import reactor.core.Disposables;

import org.springframework.context.SmartLifecycle;

/**
 * One stream per open page, fed through the starter's topic hub ({@link DatastarBroadcaster}).
 *
 * <p>Publishing, once for all pages:
 * <ul>
 * <li>{@value #KPIS}: one KPI patch per tick;</li>
 * <li>{@code dashboard:charts:1m|5m|15m}: the charts of each range, rendered once per tick;</li>
 * <li>{@value #BUSINESS}: every update of the business stream, thousands a second. The topic is
 * coalescing ({@code datastar.realtime.coalesce.topics}): the hub sends only the newest update
 * per window ({@code datastar.realtime.coalesce.window}, 50 ms here), so a page gets at most 20
 * of them a second;</li>
 * <li>{@value #ALERTS}: each new alert, prepended to the feed.</li>
 * </ul>
 * A page's stream subscribes to the KPI, business and alert topics and to the chart topic of its
 * range; a range change moves it to another chart topic. Every subscription sends its part of the
 * current state first (a snapshot), because the browser drops the stream whenever the tab is
 * hidden and opens a new one when it is shown.
 */
public class PageStreams implements SmartLifecycle {

	static final String KPIS = "dashboard:kpis";

	static final String BUSINESS = "dashboard:business";

	static final String ALERTS = "dashboard:alerts";

	private final Map<String, Page> pages = new ConcurrentHashMap<>();

	private final DatastarBroadcaster hub;

	private final DashboardFrames frames;

	private final DashboardView view;

	private final BusinessSimulator business;

	private final AlertFeed alerts;

	private volatile Disposable publishing;

	private volatile long lastPublishedAlert;

	public PageStreams(DatastarBroadcaster hub, DashboardFrames frames, DashboardView view, BusinessSimulator business,
			AlertFeed alerts, MeterRegistry registry) {
		this.hub = hub;
		this.frames = frames;
		this.view = view;
		this.business = business;
		this.alerts = alerts;
		Gauge.builder(HttpMetricsReader.OPEN_STREAMS, this.pages, Map::size)
			.description("Dashboard pages with a live event stream")
			.register(registry);
	}

	/** The chart topic of {@code range}. */
	static String charts(Range range) {
		return "dashboard:charts:" + range.label();
	}

	/**
	 * Opens the stream of page {@code pageId}, showing {@code range}. A newer stream of the same
	 * page (the tab was hidden and shown) takes its place.
	 */
	public DatastarStream open(String pageId, Range range) {
		// tag::subscribe[]
		DatastarStream stream = new DatastarStream();
		stream.send(this.view.connected());
		this.hub.subscribe(KPIS, stream, (out) -> out.send(this.frames.latest().kpis()));
		this.hub.subscribe(BUSINESS, stream,
				(out) -> out.send(this.view.businessSignals(this.business.current())));
		this.hub.subscribe(ALERTS, stream, (out) -> out.send(this.view.alertList(publishedAlerts())));
		// end::subscribe[]
		Page page = new Page(stream, range);
		synchronized (page) {
			subscribeCharts(page);
		}
		this.pages.put(pageId, page);
		stream.onClose(() -> this.pages.remove(pageId, page));
		return stream;
	}

	/**
	 * Moves the live stream of page {@code pageId} to the charts of {@code range}.
	 * @return {@code false} when that page has no open stream (it sends its range when it reconnects)
	 */
	public boolean changeRange(String pageId, Range range) {
		Page page = this.pages.get(pageId);
		if (page == null) {
			return false;
		}
		synchronized (page) {
			if (page.range != range) {
				this.hub.unsubscribe(charts(page.range), page.stream);
				page.range = range;
				subscribeCharts(page);
			}
		}
		return true;
	}

	/**
	 * Breaks every open stream as a network failure would, so that the pages show
	 * "reconnecting" and come back by themselves.
	 * @return how many streams were dropped
	 */
	public int dropAll() {
		int dropped = 0;
		for (Page page : this.pages.values()) {
			page.stream.abort();
			dropped++;
		}
		return dropped;
	}

	/** How many pages have a stream open right now. */
	public int openStreams() {
		return this.pages.size();
	}

	private List<Alert> publishedAlerts() {
		long last = this.lastPublishedAlert;
		return this.alerts.recent().stream().filter((alert) -> alert.id() <= last).toList();
	}

	private void subscribeCharts(Page page) {
		Range range = page.range;
		this.hub.subscribe(charts(range), page.stream, (out) -> {
			out.send(this.view.rangeSignal(range));
			out.send(this.frames.latest().charts(range));
		});
	}

	@Override
	public void start() {
		this.publishing = Disposables.composite(this.frames.frames().subscribe((frame) -> {
			this.hub.publish(KPIS, frame.kpis());
			for (Range range : Range.values()) {
				this.hub.publish(charts(range), frame.charts(range));
			}
		}), this.business.updates().subscribe(this::publishBusiness),
				this.alerts.added().subscribe((alert) -> {
					// under the topic's lock: a page's snapshot has the alert or gets it prepended, never both
					this.hub.update(ALERTS, () -> {
						this.lastPublishedAlert = alert.id();
						return this.view.prependAlert(alert);
					});
					this.hub.publish(ALERTS, this.view.trimAlerts());
				}));
	}

	private void publishBusiness(BusinessTotals totals) {
		// thousands a second: not even an event object while no page listens
		if (this.hub.subscriberCount(BUSINESS) > 0) {
			this.hub.publish(BUSINESS, this.view.businessSignals(totals));
		}
	}

	@Override
	public void stop() {
		Disposable d = this.publishing;
		this.publishing = null;
		if (d != null) {
			d.dispose();
		}
	}

	@Override
	public boolean isRunning() {
		return this.publishing != null;
	}

	private static final class Page {

		final DatastarStream stream;

		Range range;

		Page(DatastarStream stream, Range range) {
			this.stream = stream;
			this.range = range;
		}

	}

}
