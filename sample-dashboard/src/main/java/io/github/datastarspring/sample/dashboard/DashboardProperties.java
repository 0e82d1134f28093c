package io.github.datastarspring.sample.dashboard;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the dashboard sample.
 *
 * @param tick how often metrics are sampled and KPIs and charts are sent to every page
 * @param businessRate updates per second of the simulated business metric stream (orders)
 * @param loadRate requests per second the built-in load generator sends to the demo API; 0 turns
 * it off
 * @param incidentEvery how often the demo API degrades on its own (errors and latency) for a
 * while, so that alerts fire; zero turns it off
 * @param incidentLength how long such an incident lasts
 * @param alertHistory how many alerts the feed keeps and a page shows
 */
@ConfigurationProperties("dashboard")
public record DashboardProperties(@DefaultValue("1s") Duration tick, @DefaultValue("3000") int businessRate,
		@DefaultValue("40") int loadRate,
		@DefaultValue("90s") Duration incidentEvery, @DefaultValue("12s") Duration incidentLength,
		@DefaultValue("20") int alertHistory) {

}
