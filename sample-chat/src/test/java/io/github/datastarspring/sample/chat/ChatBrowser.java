package io.github.datastarspring.sample.chat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.util.FileSystemUtils;

/**
 * One headless Chromium (Debian's, no Selenium Manager) with its own profile, so its own
 * cookies: one person. Tabs are windows of it.
 */
final class ChatBrowser implements AutoCloseable {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	final ChromeDriver driver;

	private final ChromeDriverService service;

	private final Path profile;

	private ChatBrowser(ChromeDriver driver, ChromeDriverService service, Path profile) {
		this.driver = driver;
		this.service = service;
		this.profile = profile;
	}

	static boolean available() {
		return new File("/usr/bin/chromium").canExecute() && new File("/usr/bin/chromedriver").canExecute();
	}

	static ChatBrowser start() throws IOException {
		Path profile = Files.createTempDirectory("chat-chromium");
		ChromeOptions options = new ChromeOptions();
		options.setBinary("/usr/bin/chromium");
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--window-size=1000,800", "--user-data-dir=" + profile, "--disable-features=BackForwardCache");
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File("/usr/bin/chromedriver"))
			.usingAnyFreePort()
			.build();
		ChatBrowser browser = new ChatBrowser(new ChromeDriver(service, options), service, profile);
		Runtime.getRuntime().addShutdownHook(new Thread(browser::close));
		return browser;
	}

	/** Opens {@code url}, logs in on the login page it leads to, and waits until back on {@code url}. */
	void logIn(String url, String user) {
		this.driver.get(url);
		waitUntil((d) -> !d.findElements(By.id("username")).isEmpty());
		find("#username").sendKeys(user);
		find("#password").sendKeys("datastar");
		find("button[type=submit]").click();
		waitUntil((d) -> d.getCurrentUrl().startsWith(url) && !d.findElements(By.id("messages")).isEmpty());
	}

	/** Opens another tab of this browser on {@code url} (already logged in); returns its handle. */
	String newTab(String url) {
		this.driver.switchTo().newWindow(WindowType.TAB);
		this.driver.get(url);
		return this.driver.getWindowHandle();
	}

	void switchTo(String tab) {
		this.driver.switchTo().window(tab);
	}

	String tab() {
		return this.driver.getWindowHandle();
	}

	WebElement find(String css) {
		return this.driver.findElement(By.cssSelector(css));
	}

	List<String> texts(String css) {
		return this.driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
	}

	boolean onLoginPage() {
		return !this.driver.findElements(By.id("username")).isEmpty();
	}

	void replaceSessionCookie(String value) {
		Cookie old = this.driver.manage().getCookieNamed("JSESSIONID");
		this.driver.manage().deleteCookieNamed("JSESSIONID");
		this.driver.manage().addCookie(new Cookie("JSESSIONID", value, old.getPath()));
	}

	<T> T waitUntil(Function<WebDriver, T> condition) {
		return new WebDriverWait(this.driver, PATIENCE).ignoring(StaleElementReferenceException.class)
			.until(condition::apply);
	}

	void screenshot(String name) throws IOException {
		Path file = Path.of("target", "screenshots", name + ".png");
		Files.createDirectories(file.getParent());
		Files.write(file, this.driver.getScreenshotAs(OutputType.BYTES));
	}

	/** Kills this browser's processes at once, as a crash would: no tab says goodbye. */
	void kill() {
		String marker = "--user-data-dir=" + this.profile;
		ProcessHandle.allProcesses()
			.filter((p) -> p.info().commandLine().map((c) -> c.contains(marker)).orElse(false))
			.forEach(ProcessHandle::destroyForcibly);
	}

	@Override
	public void close() {
		try {
			this.driver.quit();
		}
		catch (RuntimeException ex) {
			// Already gone (killed): stop its driver process.
			this.service.stop();
		}
		FileSystemUtils.deleteRecursively(this.profile.toFile());
	}

}
