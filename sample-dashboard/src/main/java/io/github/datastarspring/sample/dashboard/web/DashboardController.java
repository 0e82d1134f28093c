package io.github.datastarspring.sample.dashboard.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.github.datastarspring.DatastarSignals;
import io.github.datastarspring.sample.dashboard.alerts.AlertFeed;
import io.github.datastarspring.sample.dashboard.metrics.BusinessSimulator;
import io.github.datastarspring.sample.dashboard.metrics.Range;
import io.github.datastarspring.sample.dashboard.view.DashboardFrames;
import io.github.datastarspring.sample.dashboard.view.DashboardView;
import io.github.datastarspring.webflux.DatastarStream;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The dashboard page, its event stream and its range command.
 */
@Controller
class DashboardController {

	private final PageStreams streams;

	private final DashboardFrames frames;

	private final DashboardView view;

	private final BusinessSimulator business;

	private final AlertFeed alerts;

	DashboardController(PageStreams streams, DashboardFrames frames, DashboardView view, BusinessSimulator business,
			AlertFeed alerts) {
		this.streams = streams;
		this.frames = frames;
		this.view = view;
		this.business = business;
		this.alerts = alerts;
	}

	/** The page, rendered with the current values so it is complete before the stream opens. */
	@GetMapping("/")
	String page(Model model) {
		DashboardFrames.Frame frame = this.frames.latest();
		Map<String, Object> signals = new LinkedHashMap<>();
		signals.put("pageId", UUID.randomUUID().toString());
		signals.put("range", Range.ONE_MINUTE.label());
		signals.put("_conn", "connecting");
		Map<String, Object> kpi = this.view.kpis(frame.snapshot());
		Map<String, Object> biz = this.view.business(this.business.current());
		signals.put("kpi", kpi);
		signals.put("biz", biz);
		model.addAttribute("kpi", kpi);
		model.addAttribute("biz", biz);
		model.addAttribute("signals", signals);
		model.addAttribute("charts", this.view.chartsHtml(Range.ONE_MINUTE, frame.snapshot().epochMillis()));
		model.addAttribute("alerts", this.view.alertViews(this.alerts.recent()));
		model.addAttribute("ranges", Range.values());
		return "dashboard";
	}

	/** The page's one stream; the browser reopens it after the tab was hidden or the network failed. */
	// tag::stream[]
	@GetMapping("/stream")
	DatastarStream stream(@DatastarSignals PageSignals signals) {
		return this.streams.open(signals.validPageId(), signals.validRange());
	}
	// end::stream[]

	/** Switches the range of the page's live stream; the page has set its range signal already. */
	@PostMapping("/range")
	ResponseEntity<Void> range(@DatastarSignals PageSignals signals) {
		this.streams.changeRange(signals.validPageId(), signals.validRange());
		return ResponseEntity.noContent().build();
	}

	/** Breaks every open stream, to watch the pages reconnect. */
	@PostMapping("/drop")
	ResponseEntity<Void> drop() {
		this.streams.dropAll();
		return ResponseEntity.noContent().build();
	}

}
