package io.github.datastarspring.sample.todomvc;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WindowType;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The sample as {@code scripts/run-todomvc --https} serves it: TLS with a certificate made by
 * {@code scripts/dev-certificate}, HTTP/2 on. Over HTTP/1.1 a browser opens at most six
 * connections per origin and each open page holds one for its stream, so a seventh page never
 * connects; over HTTP/2 every page's stream shares one connection and ten pages all stay live.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class TodoMvcHttp2BrowserTests {

	private static final int PAGES = 10;

	private static final Path TLS = Path.of("target", "tls");

	private static Browser browser;

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void httpsWithHttp2(DynamicPropertyRegistry registry) throws Exception {
		DatastarClient.register(registry);
		// The script's own output: the options run-todomvc --https passes to the application.
		for (String option : devCertificateOptions()) {
			String[] pair = option.substring(2).split("=", 2);
			registry.add(pair[0], () -> pair[1]);
		}
	}

	@BeforeAll
	static void startBrowser() throws Exception {
		if (DatastarClient.location() == null || !Browser.available()) {
			System.out.println("SKIPPED HTTP/2 browser test: needs " + DatastarClient.ENVIRONMENT_VARIABLE
					+ " and Chromium (scripts/setup installs it).");
			return;
		}
		// Only this test's browser trusts the self-signed development certificate.
		browser = Browser.start("--ignore-certificate-errors");
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.close();
		}
	}

	@Test
	void tenPagesOfOneBrowserStayLiveOverHttp2() throws Exception {
		assumeTrue(browser != null, "browser tests need " + DatastarClient.ENVIRONMENT_VARIABLE + " and Chromium");
		String url = "https://localhost:" + this.port + "/?list=h2-" + UUID.randomUUID().toString().substring(0, 8);
		List<String> windows = new ArrayList<>();
		for (int i = 0; i < PAGES; i++) {
			if (i == 0) {
				// Waits until the page's stream has delivered its first patch.
				browser.open(url);
			}
			else {
				browser.driver.switchTo().newWindow(WindowType.WINDOW);
				browser.driver.get(url);
			}
			assertThat(browser.driver.executeScript(
					"return performance.getEntriesByType('navigation')[0].nextHopProtocol"))
				.as("page %d's protocol", i + 1)
				.isEqualTo("h2");
			windows.add(browser.driver.getWindowHandle());
		}
		// Made from the last page, seen on every page: all ten streams are open at once. Over
		// HTTP/1.1 the seventh page's stream (and this very request) would wait for a connection.
		browser.newTodo().sendKeys("Seen by all ten" + Keys.ENTER);
		for (String window : windows) {
			browser.driver.switchTo().window(window);
			browser.waitUntil((d) -> browser.visibleTitles().equals(List.of("Seen by all ten")));
		}
		browser.driver.switchTo().window(windows.get(0));
		browser.screenshot(Path.of("target", "screenshots", "todomvc-h2-first-of-ten.png"));
	}

	/** Runs scripts/dev-certificate into target/tls and returns the options it prints. */
	private static List<String> devCertificateOptions() throws Exception {
		Path root = Path.of(System.getProperty("datastar.repo.root", ".."));
		Path script = root.resolve("scripts/dev-certificate");
		Process process = new ProcessBuilder("bash", script.toString(), TLS.toAbsolutePath().toString())
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
		if (process.waitFor() != 0) {
			throw new IllegalStateException(script + " failed: " + output);
		}
		assertThat(new File(TLS.toFile(), "localhost.p12")).isFile();
		assertThat(Files.readString(root.resolve(".gitignore"))).contains("/.dev-tls/");
		return List.of(output.split(" "));
	}

}
