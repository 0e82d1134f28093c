package io.github.datastarspring.sample.dashboard;

import java.time.Clock;
import java.time.ZoneId;

import io.github.datastarspring.core.TemplateRenderer;
import io.github.datastarspring.realtime.DatastarBroadcaster;
import io.github.datastarspring.sample.dashboard.alerts.AlertFeed;
import io.github.datastarspring.sample.dashboard.alerts.AlertRules;
import io.github.datastarspring.sample.dashboard.demo.DemoTraffic;
import io.github.datastarspring.sample.dashboard.demo.LoadGenerator;
import io.github.datastarspring.sample.dashboard.metrics.BusinessSimulator;
import io.github.datastarspring.sample.dashboard.metrics.HttpMetricsReader;
import io.github.datastarspring.sample.dashboard.metrics.JvmMetricsReader;
import io.github.datastarspring.sample.dashboard.metrics.MetricHistory;
import io.github.datastarspring.sample.dashboard.metrics.MetricsSampler;
import io.github.datastarspring.sample.dashboard.view.DashboardFrames;
import io.github.datastarspring.sample.dashboard.view.DashboardView;
import io.github.datastarspring.sample.dashboard.web.PageStreams;
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
