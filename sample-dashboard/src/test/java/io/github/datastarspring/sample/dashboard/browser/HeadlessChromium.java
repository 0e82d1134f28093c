package io.github.datastarspring.sample.dashboard.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.util.FileSystemUtils;

/**
 * Debian's headless Chromium and chromedriver, driven by Selenium with explicit paths (Selenium
 * Manager never downloads anything), in a throw-away profile.
 */
final class HeadlessChromium implements AutoCloseable {

	private static final String CHROMIUM = System.getProperty("chromium.binary", "/usr/bin/chromium");

	private static final String CHROMEDRIVER = System.getProperty("chromedriver.binary", "/usr/bin/chromedriver");

	final ChromeDriver driver;

	private final Path profile;

	private HeadlessChromium(ChromeDriver driver, Path profile) {
		this.driver = driver;
		this.profile = profile;
	}

	static boolean available() {
		return new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
	}

	static HeadlessChromium start() throws IOException {
		Path profile = Files.createTempDirectory("dashboard-chromium");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--no-first-run", "--window-size=1440,1000", "--user-data-dir=" + profile);
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(CHROMEDRIVER))
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		// Before any page script: record every state the connection indicator goes through, so a
		// state shown for less than a polling interval is not missed.
		driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
				window.__connStates = [];
				new MutationObserver(() => {
					const el = document.getElementById('conn');
					const state = el && el.getAttribute('data-state');
					if (state && window.__connStates[window.__connStates.length - 1] !== state) {
						window.__connStates.push(state);
					}
				}).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'] });"""));
		return new HeadlessChromium(driver, profile);
	}

	void open(String url) {
		this.driver.get(url);
	}

	WebElement find(String css) {
		return this.driver.findElement(By.cssSelector(css));
	}

	String text(String css) {
		return find(css).getText();
	}

	String attribute(String css, String name) {
		return find(css).getDomAttribute(name);
	}

	Object script(String js, Object... args) {
		return this.driver.executeScript(js, args);
	}

	/** Waits until {@code condition} holds, failing with {@code what} after {@code timeout}. */
	void await(String what, Duration timeout, Supplier<Boolean> condition) {
		new WebDriverWait(this.driver, timeout).withMessage(what).ignoring(RuntimeException.class)
			.until((d) -> condition.get());
	}

	void screenshot(Path file) throws IOException {
		Files.createDirectories(file.getParent());
		Files.write(file, this.driver.getScreenshotAs(OutputType.BYTES));
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
