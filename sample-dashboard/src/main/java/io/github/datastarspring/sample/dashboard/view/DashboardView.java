package io.github.datastarspring.sample.dashboard.view;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.datastarspring.core.DatastarEvents;
import io.github.datastarspring.core.ElementPatchMode;
import io.github.datastarspring.core.PatchElements;
import io.github.datastarspring.core.PatchSignals;
import io.github.datastarspring.core.TemplateRenderer;
import io.github.datastarspring.sample.dashboard.alerts.Alert;
import io.github.datastarspring.sample.dashboard.metrics.BusinessTotals;
import io.github.datastarspring.sample.dashboard.metrics.Metric;
import io.github.datastarspring.sample.dashboard.metrics.MetricHistory;
import io.github.datastarspring.sample.dashboard.metrics.MetricSnapshot;
import io.github.datastarspring.sample.dashboard.metrics.Range;

/**
 * Turns metrics and alerts into what the page shows: signal patches for the KPI cards, element
 * patches for the SVG charts and the alert feed. Pure functions of their input, any thread.
 */
public class DashboardView {

	/** Ids of the chart elements, in page order. */
	public static final List<String> CHART_IDS = List.of("chart-traffic", "chart-latency", "chart-orders",
			"chart-jvm");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

	private final MetricHistory history;

	private final TemplateRenderer templates;

	private final int alertHistory;

	private final ZoneId zone;

	public DashboardView(MetricHistory history, TemplateRenderer templates, int alertHistory, ZoneId zone) {
		this.history = history;
		this.templates = templates;
		this.alertHistory = alertHistory;
		this.zone = zone;
	}

	/** The KPI values of a snapshot, formatted, plus levels the cards colour themselves by. */
	public Map<String, Object> kpis(MetricSnapshot s) {
		Map<String, Object> kpi = new LinkedHashMap<>();
		kpi.put("rps", Formats.oneDecimal(s.requestsPerSecond()));
		kpi.put("p99", Formats.compact(s.p99Millis()));
		kpi.put("p99Level", level(s.p99Millis(), 150, 250));
		kpi.put("err", Formats.oneDecimal(100 * s.errorRate()));
		kpi.put("errLevel", level(100 * s.errorRate(), 2, 5));
		kpi.put("heap", Formats.compact(s.heapUsed() / 1048576.0));
		kpi.put("heapMax", Formats.bytes(s.heapMax()));
		kpi.put("heapPct", Math.round(100 * s.heapRatio()));
		kpi.put("heapLevel", level(100 * s.heapRatio(), 75, 85));
		kpi.put("cpu", Formats.oneDecimal(100 * s.cpu()));
		kpi.put("cpuPct", Math.round(100 * s.cpu()));
		kpi.put("cpuLevel", level(100 * s.cpu(), 70, 90));
		kpi.put("ops", Formats.compact(s.ordersPerSecond()));
		kpi.put("streams", s.openStreams());
		kpi.put("updated", TIME.format(Instant.ofEpochMilli(s.epochMillis()).atZone(this.zone)));
		return kpi;
	}

	/** Patch of every KPI card. */
	public PatchSignals kpiSignals(MetricSnapshot snapshot) {
		return DatastarEvents.patchSignals(Map.of("kpi", kpis(snapshot)));
	}

	/** The live business counters, formatted. */
	public Map<String, Object> business(BusinessTotals totals) {
		Map<String, Object> biz = new LinkedHashMap<>();
		biz.put("orders", Formats.grouped(totals.orders()));
		biz.put("revenue", Formats.money(totals.revenueCents()));
		biz.put("last", Formats.money(totals.lastOrderCents()));
		return biz;
	}

	/**
	 * Patch of the live business counters. The numbers are formatted only when the event is
	 * encoded: on a coalescing topic most updates never are.
	 */
	public PatchSignals businessSignals(BusinessTotals totals) {
		return DatastarEvents.patchSignals(new BusinessPatch(this, totals));
	}

	/** Every chart of {@code range} as markup, ending at {@code now}. */
	public String chartsHtml(Range range, long now) {
		StringBuilder html = new StringBuilder(16384);
		html.append(SvgChart.of(CHART_IDS.get(0), "Traffic", "req/s")
			.line("Requests", "requests", this.history.series(Metric.REQUESTS, range))
			.line("Errors", "errors", this.history.series(Metric.ERRORS, range))
			.render(range, now)).append('\n');
		// tag::latency-chart[]
		html.append(SvgChart.of(CHART_IDS.get(1), "Latency p99", "ms")
			.line("p99", "latency", this.history.series(Metric.P99, range))
			.render(range, now)).append('\n');
		// end::latency-chart[]
		html.append(SvgChart.of(CHART_IDS.get(2), "Orders", "/s")
			.line("Orders", "orders", this.history.series(Metric.ORDERS, range))
			.render(range, now)).append('\n');
		html.append(SvgChart.of(CHART_IDS.get(3), "JVM", "%")
			.line("Heap", "heap", this.history.series(Metric.HEAP, range))
			.line("CPU", "cpu", this.history.series(Metric.CPU, range))
			.max(100)
			.render(range, now));
		return html.toString();
	}

	/** Patch morphing every chart (matched by id) to {@code range}. */
	public PatchElements charts(Range range, long now) {
		return DatastarEvents.patchElements(chartsHtml(range, now));
	}

	/** The selected range, for the range buttons. */
	public PatchSignals rangeSignal(Range range) {
		return DatastarEvents.patchSignals(Map.of("range", range.label()));
	}

	/** Sent first on every (re)connect: the page knows it is live again. */
	public PatchSignals connected() {
		return DatastarEvents.patchSignals(Map.of("_conn", "connected"));
	}

	/** The whole alert list, for a page that just (re)connected. */
	public PatchElements alertList(List<Alert> alerts) {
		return DatastarEvents.patchElements(alertListHtml(alerts));
	}

	/** Markup of the whole alert list, newest first. */
	public String alertListHtml(List<Alert> alerts) {
		return this.templates.render("fragments :: alert-list", Map.of("alerts", alertViews(alerts)));
	}

	// tag::alerts[]
	/** Puts a new alert on top of the feed. */
	public PatchElements prependAlert(Alert alert) {
		String html = this.templates.render("fragments :: alert", Map.of("alert", view(alert)));
		return DatastarEvents.patchElements(html, "#alerts", ElementPatchMode.PREPEND);
	}

	/** Drops what scrolled past the feed's length, so a page open for days stays small. */
	public PatchElements trimAlerts() {
		return DatastarEvents.removeElements("#alerts > li:nth-child(n+" + (this.alertHistory + 1) + ")");
	}
	// end::alerts[]

	/** What the alert fragment shows of each alert. */
	public List<AlertView> alertViews(List<Alert> alerts) {
		List<AlertView> views = new ArrayList<>(alerts.size());
		for (Alert alert : alerts) {
			views.add(view(alert));
		}
		return views;
	}

	private AlertView view(Alert a) {
		return new AlertView("alert-" + a.id(), TIME.format(Instant.ofEpochMilli(a.epochMillis()).atZone(this.zone)),
				a.severity().cssClass(), a.title(), a.detail());
	}

	private static String level(double value, double warn, double critical) {
		return (value >= critical) ? "crit" : (value >= warn) ? "warn" : "ok";
	}

	/** Serialised as {@code {"biz":{...}}}, formatting on demand. */
	public static final class BusinessPatch {

		private final DashboardView view;

		private final BusinessTotals totals;

		BusinessPatch(DashboardView view, BusinessTotals totals) {
			this.view = view;
			this.totals = totals;
		}

		public Map<String, Object> getBiz() {
			return this.view.business(this.totals);
		}

	}

	/** What the alert fragment shows. */
	public record AlertView(String id, String time, String severity, String title, String detail) {
	}

}
