package io.github.datastarspring.errors;

import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.util.FileSystemUtils;

/**
 * Debian's headless Chromium with the real Datastar client from {@code DATASTAR_CLIENT_URL}
 * (served same-origin from its folder when it is a file). Without the client the browser test is
 * skipped, and fails under {@code CI=true}.
 */
final class ErrorsBrowser implements AutoCloseable {

	private static final String CLIENT = System.getenv("DATASTAR_CLIENT_URL");

	final ChromeDriver driver;

	private final Path profile;

	private ErrorsBrowser(ChromeDriver driver, Path profile) {
		this.driver = driver;
		this.profile = profile;
	}

	static void serveTheClient(DynamicPropertyRegistry registry) {
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

	static ErrorsBrowser start() throws Exception {
		if (CLIENT == null || CLIENT.isBlank()) {
			String message = "DATASTAR_CLIENT_URL is not set (the Datastar client's datastar.js, a file path or URL)";
			if ("true".equals(System.getenv("CI"))) {
				Assertions.fail(message);
			}
			Assumptions.abort(message);
		}
		Path profile = Files.createTempDirectory("chromium-errors");
		ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium")
			.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-background-networking", "--disable-component-update", "--disable-sync",
					"--no-first-run", "--user-data-dir=" + profile, "--window-size=900,500");
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File("/usr/bin/chromedriver"))
			.usingAnyFreePort()
			.build();
		return new ErrorsBrowser(new ChromeDriver(service, options), profile);
	}

	@Override
	public void close() {
		try {
			this.driver.quit();
		}
		finally {
			FileSystemUtils.deleteRecursively(this.profile.toFile());
		}
	}

}
