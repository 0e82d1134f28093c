package io.github.datastarspring.sample.dashboard.browser;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.github.datastarspring.sample.dashboard.web.PageStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The dashboard in headless Chromium with the real Datastar client: numbers and charts move on
 * screen, range buttons switch the charts, alerts arrive on top, the connection indicator follows
 * hidden tabs and dropped connections. Skipped, with a message, when {@code DATASTAR_CLIENT_URL}
 * is unset.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "dashboard.tick=500ms", "dashboard.business-rate=5000", "dashboard.incident-every=0s",
				"dashboard.incident-length=6s", "dashboard.load-rate=40" })
class DashboardBrowserTests {

	private static final Duration PATIENCE = Duration.ofSeconds(20);

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private static HeadlessChromium browser;

	@LocalServerPort
	int port;

	@Autowired
	PageStreams streams;

	@DynamicPropertySource
	static void datastarClient(DynamicPropertyRegistry registry) {
		DatastarClientLocation.register(registry);
	}

	@BeforeAll
	static void startBrowser() throws Exception {
		if (DatastarClientLocation.get() == null) {
			System.out.println("SKIPPED dashboard browser tests: set " + DatastarClientLocation.VARIABLE
					+ " to the Datastar client (file path or URL) to run them.");
		}
		assumeTrue(DatastarClientLocation.get() != null, DatastarClientLocation.VARIABLE + " is not set");
		assumeTrue(HeadlessChromium.available(), "no /usr/bin/chromium and /usr/bin/chromedriver");
		browser = HeadlessChromium.start();
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.close();
		}
	}

	@BeforeEach
	void openDashboard() {
		browser.open("http://localhost:" + this.port + "/");
		browser.await("connection indicator says live", PATIENCE, () -> "connected".equals(connState()));
		assertThat(browser.text("#conn-text")).isEqualTo("Live");
	}

	@Test
	void kpisAndChartsChangeOnScreen() throws Exception {
		String orders = browser.text("#orders-count");
		String requestsLine = browser.attribute("#chart-traffic .series.requests .line", "d");
		String updated = browser.text(".foot span");
		browser.await("order counter moves", PATIENCE, () -> !browser.text("#orders-count").equals(orders));
		browser.await("traffic chart redrawn", PATIENCE,
				() -> !browser.attribute("#chart-traffic .series.requests .line", "d").equals(requestsLine));
		browser.await("KPIs re-stamped", PATIENCE, () -> !browser.text(".foot span").equals(updated));
		browser.await("requests per second measured", PATIENCE,
				() -> Double.parseDouble(browser.text("#kpi-rps .value span")) > 0);
		assertThat(browser.text("#kpi-streams .value span")).matches("[1-9][0-9]*");
		assertThat(browser.find("#chart-traffic svg").getDomAttribute("viewBox")).isEqualTo("0 0 600 200");
		browser.screenshot(SCREENSHOTS.resolve("dashboard.png"));
	}

	@Test
	void rangeButtonsSwitchTheCharts() throws Exception {
		browser.find("#range-5m").click();
		browser.await("charts show 5 minutes", PATIENCE,
				() -> "5m".equals(browser.attribute("#chart-latency", "data-range")));
		assertThat(browser.find("#range-5m").getDomAttribute("class")).contains("active");
		assertThat(browser.find("#range-1m").getDomAttribute("class")).doesNotContain("active");
		assertThat(browser.text("#chart-orders .x-axis")).contains("-5m");
		// the live stream keeps sending the 5m charts, not the 1m ones
		String line = browser.attribute("#chart-orders .series.orders .line", "d");
		browser.await("5m chart redrawn", PATIENCE,
				() -> !browser.attribute("#chart-orders .series.orders .line", "d").equals(line));
		assertThat(browser.attribute("#chart-orders", "data-range")).isEqualTo("5m");
		browser.find("#range-15m").click();
		browser.await("charts show 15 minutes", PATIENCE,
				() -> "15m".equals(browser.attribute("#chart-traffic", "data-range")));
		browser.find("#range-1m").click();
		browser.await("charts back to 1 minute", PATIENCE,
				() -> "1m".equals(browser.attribute("#chart-traffic", "data-range")));
	}

	@Test
	void anIncidentPutsAnAlertOnTopOfTheFeed() throws Exception {
		browser.find("#incident").click();
		browser.await("an alert on top", PATIENCE, () -> {
			String cls = browser.attribute("#alerts > li:first-child", "class");
			return cls != null && (cls.contains("critical") || cls.contains("warning"));
		});
		browser.await("error rate card turns red", PATIENCE,
				() -> "crit".equals(browser.attribute("#kpi-err", "data-level")));
		browser.screenshot(SCREENSHOTS.resolve("dashboard-incident.png"));
	}

	@Test
	void aHiddenTabReleasesItsStreamAndResumesWhenShown() {
		int open = this.streams.openStreams();
		setHidden(true);
		browser.await("indicator paused", PATIENCE, () -> "paused".equals(connState()));
		browser.await("server released the stream", PATIENCE, () -> this.streams.openStreams() == open - 1);
		setHidden(false);
		browser.await("live again", PATIENCE, () -> "connected".equals(connState()));
		browser.await("server has the stream again", PATIENCE, () -> this.streams.openStreams() == open);
		assertThat(states()).containsSubsequence("connected", "paused", "connecting", "connected");
	}

	@Test
	void aDroppedConnectionShowsReconnectingThenLive() {
		browser.find("#drop").click();
		browser.await("reconnecting shown, then live", PATIENCE,
				() -> states().containsAll(List.of("reconnecting")) && "connected".equals(connState()));
		assertThat(states()).containsSubsequence("connected", "reconnecting", "connected");
	}

	private static String connState() {
		return browser.attribute("#conn", "data-state");
	}

	@SuppressWarnings("unchecked")
	private static List<String> states() {
		return (List<String>) browser.script("return window.__connStates.slice()");
	}

	/** What the browser does when the tab is hidden or shown, as far as the page can tell. */
	private static void setHidden(boolean hidden) {
		browser.script("Object.defineProperty(document, 'hidden', { configurable: true, get: () => arguments[0] });"
				+ "Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => arguments[0] ? 'hidden' : 'visible' });"
				+ "document.dispatchEvent(new Event('visibilitychange'));", hidden);
	}

}
