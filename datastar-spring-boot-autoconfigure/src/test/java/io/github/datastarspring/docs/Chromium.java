package io.github.datastarspring.docs;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import org.springframework.test.context.DynamicPropertyRegistry;

import static org.assertj.core.api.Assertions.fail;

/**
 * Headless Debian Chromium with the real Datastar client, for the tests of the docs' code. The
 * client comes from {@code DATASTAR_CLIENT_URL}: without it the browser tests skip, or fail under
 * {@code CI=true}.
 */
public final class Chromium {

	private static final String CLIENT = System.getenv("DATASTAR_CLIENT_URL");

	private Chromium() {
	}

	/** Serves the client file from the application under test, same origin, or points at its URL. */
	public static void serveClient(DynamicPropertyRegistry registry) {
		if (CLIENT == null || CLIENT.isBlank()) {
			return;
		}
		if (CLIENT.startsWith("http://") || CLIENT.startsWith("https://")) {
			registry.add("datastar.client.url", () -> CLIENT);
			return;
		}
		File client = new File(CLIENT.startsWith("file:") ? URI.create(CLIENT).getPath() : CLIENT).getAbsoluteFile();
		registry.add("spring.web.resources.static-locations", () -> client.getParentFile().toURI().toString());
		registry.add("datastar.client.url", () -> "/" + client.getName());
	}

	/** A new headless browser; quit it when done. */
	public static ChromeDriver start() {
		if (CLIENT == null || CLIENT.isBlank()) {
			String message = "DATASTAR_CLIENT_URL is not set (the Datastar client's datastar.js, a file or URL)";
			if ("true".equals(System.getenv("CI"))) {
				fail(message + ": browser tests must run in CI");
			}
			System.err.println("SKIPPED: " + message);
			Assumptions.abort(message);
		}
		try {
			Path profile = Files.createTempDirectory("chromium-profile");
			ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium")
				.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
						"--disable-background-networking", "--disable-component-update", "--disable-sync",
						"--no-first-run", "--user-data-dir=" + profile, "--window-size=900,500");
			ChromeDriverService service = new ChromeDriverService.Builder()
				.usingDriverExecutable(new File("/usr/bin/chromedriver"))
				.usingAnyFreePort()
				.build();
			return new ChromeDriver(service, options);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Saves what the browser shows to target/screenshots/NAME.png. */
	public static void screenshot(ChromeDriver browser, String name) throws IOException {
		Path file = Path.of("target/screenshots/" + name + ".png");
		Files.createDirectories(file.getParent());
		Files.write(file, browser.getScreenshotAs(OutputType.BYTES));
	}

}
