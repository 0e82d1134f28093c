package dev.datastar.spring.sample.dashboard;

import java.time.Clock;
import java.time.ZoneId;

import dev.datastar.spring.core.TemplateRenderer;
import dev.datastar.spring.realtime.DatastarBroadcaster;
import dev.datastar.spring.sample.dashboard.alerts.AlertFeed;
import dev.datastar.spring.sample.dashboard.alerts.AlertRules;
import dev.datastar.spring.sample.dashboard.demo.DemoTraffic;
import dev.datastar.spring.sample.dashboard.demo.LoadGenerator;
import dev.datastar.spring.sample.dashboard.metrics.BusinessSimulator;
import dev.datastar.spring.sample.dashboard.metrics.HttpMetricsReader;
import dev.datastar.spring.sample.dashboard.metrics.JvmMetricsReader;
import dev.datastar.spring.sample.dashboard.metrics.MetricHistory;
import dev.datastar.spring.sample.dashboard.metrics.MetricsSampler;
import dev.datastar.spring.sample.dashboard.view.DashboardFrames;
import dev.datastar.spring.sample.dashboard.view.DashboardView;
import dev.datastar.spring.sample.dashboard.web.PageStreams;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

/** Wires the metric sources, the rendering and the page streams. */
@Configuration(proxyBeanMethods = false)
class DashboardConfiguration {

	@Bean
	BusinessSimulator businessSimulator(DashboardProperties properties) {
		return new BusinessSimulator(properties.businessRate());
	}

	@Bean
	MetricHistory metricHistory() {
		return new MetricHistory();
	}

	@Bean
	AlertFeed alertFeed(DashboardProperties properties) {
		return new AlertFeed(properties.alertHistory());
	}

	@Bean
	MetricsSampler metricsSampler(MeterRegistry registry, BusinessSimulator business, MetricHistory history,
			AlertFeed alerts, DashboardProperties properties) {
		return new MetricsSampler(new HttpMetricsReader(registry), new JvmMetricsReader(), business, history,
				new AlertRules(alerts), properties.tick(), Clock.systemUTC());
	}

	@Bean
	DashboardView dashboardView(MetricHistory history, TemplateRenderer templates, DashboardProperties properties) {
		return new DashboardView(history, templates, properties.alertHistory(), ZoneId.systemDefault());
	}

	@Bean
	DashboardFrames dashboardFrames(DashboardView view, MetricsSampler sampler) {
		return new DashboardFrames(view, sampler);
	}

	@Bean
	PageStreams pageStreams(DatastarBroadcaster hub, DashboardFrames frames, DashboardView view,
			BusinessSimulator business, AlertFeed alerts, MeterRegistry registry) {
		return new PageStreams(hub, frames, view, business, alerts, registry);
	}

	@Bean
	DemoTraffic demoTraffic(DashboardProperties properties) {
		return new DemoTraffic(properties.incidentEvery(), properties.incidentLength());
	}

	@Bean
	LoadGenerator loadGenerator(DashboardProperties properties) {
		return new LoadGenerator(WebClient.builder(), properties.loadRate());
	}

}
