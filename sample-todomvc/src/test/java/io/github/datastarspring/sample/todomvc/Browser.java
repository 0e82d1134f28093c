package io.github.datastarspring.sample.todomvc;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * One headless Chromium (Debian's {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver}),
 * driven by Selenium without Selenium Manager, with a few TodoMVC helpers.
 */
final class Browser implements AutoCloseable {

	/** Generous: CI machines can be slow, and a passing wait returns as soon as it holds. */
	private static final Duration PATIENCE = Duration.ofSeconds(30);

	final ChromeDriver driver;

	private final Path profile;

	private final AtomicBoolean closed = new AtomicBoolean();

	private Browser(ChromeDriver driver, Path profile) {
		this.driver = driver;
		this.profile = profile;
	}

	static Browser start() throws IOException {
		return start(new String[0]);
	}

	/** @param extraArguments more Chromium switches, for one test's needs */
	static Browser start(String... extraArguments) throws IOException {
		Path profile = Files.createTempDirectory("todomvc-chromium");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--no-first-run", "--window-size=800,900", "--user-data-dir=" + profile,
				// A page left for another stays alive in the back/forward cache with its stream open;
				// six of those use up Chromium's HTTP/1.1 connections to the server.
				"--disable-features=BackForwardCache");
		options.addArguments(extraArguments);
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver")))
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		// Before any page script runs: note when the page's stream delivers its first patch.
		driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
				document.addEventListener('datastar-fetch', (e) => {
					if (e.detail.type === 'datastar-patch-elements') window.__todomvcConnected = true;
				});"""));
		Browser browser = new Browser(driver, profile);
		// Also when the test JVM is told to exit early: no Chromium left running.
		Runtime.getRuntime().addShutdownHook(new Thread(browser::close));
		return browser;
	}

	static boolean available() {
		return new File(System.getProperty("chromium.binary", "/usr/bin/chromium")).canExecute()
				&& new File(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver")).canExecute();
	}

	void open(String url) {
		this.driver.get(url);
		// The page is live once its stream has delivered the first snapshot.
		waitUntil((d) -> Boolean.TRUE.equals(this.driver.executeScript("return window.__todomvcConnected === true")));
	}

	WebElement find(String css) {
		return this.driver.findElement(By.cssSelector(css));
	}

	List<WebElement> findAll(String css) {
		return this.driver.findElements(By.cssSelector(css));
	}

	WebElement newTodo() {
		return find(".new-todo");
	}

	/** The titles of the todos shown (filtered) on the page, in order. */
	List<String> visibleTitles() {
		return findAll(".todo-list li").stream().filter(WebElement::isDisplayed)
			.map((li) -> li.findElement(By.cssSelector("label")).getText())
			.toList();
	}

	WebElement todo(String title) {
		return this.driver.findElement(By.xpath("//ul[@class='todo-list']/li[div/label[text()="
				+ xpathLiteral(title) + "]]"));
	}

	void hoverAndClick(WebElement li, String css) {
		new Actions(this.driver).moveToElement(li).perform();
		li.findElement(By.cssSelector(css)).click();
	}

	void doubleClick(WebElement element) {
		new Actions(this.driver).doubleClick(element).perform();
	}

	String text(String css) {
		return find(css).getText();
	}

	boolean displayed(String css) {
		List<WebElement> found = findAll(css);
		return !found.isEmpty() && found.get(0).isDisplayed();
	}

	<T> T waitUntil(ExpectedCondition<T> condition) {
		// Morphs may replace an element between finding it and reading it: look again.
		return new WebDriverWait(this.driver, PATIENCE).ignoring(StaleElementReferenceException.class)
			.until(condition::apply);
	}

	void screenshot(Path file) throws IOException {
		Files.createDirectories(file.getParent());
		Files.write(file, this.driver.getScreenshotAs(OutputType.BYTES));
	}

	/** What the page wrote to its console since the last call, for diagnosing a failure. */
	String consoleLog() {
		StringBuilder log = new StringBuilder();
		this.driver.manage().logs().get(LogType.BROWSER).forEach((entry) -> log.append(entry).append('\n'));
		return log.toString();
	}

	@Override
	public void close() {
		if (this.closed.getAndSet(true)) {
			return;
		}
		try {
			this.driver.quit();
		}
		finally {
			FileSystemUtils.deleteRecursively(this.profile.toFile());
		}
	}

	private static String xpathLiteral(String text) {
		if (!text.contains("'")) {
			return "'" + text + "'";
		}
		return "concat('" + text.replace("'", "', \"'\", '") + "')";
	}

}
