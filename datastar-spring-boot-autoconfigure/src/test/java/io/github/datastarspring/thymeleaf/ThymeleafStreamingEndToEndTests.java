package io.github.datastarspring.thymeleaf;

import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.datastarspring.mvc.DatastarEmitter;
import io.github.datastarspring.test.LiveEventStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.stereotype.Controller;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;

import static io.github.datastarspring.test.DatastarAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The promise: an application with only the starter and Thymeleaf streams a Thymeleaf fragment to
 * a browser with a controller of under 15 lines.
 */
@SpringBootTest(classes = { ThymeleafStreamingEndToEndTests.App.class,
		ThymeleafStreamingEndToEndTests.TodoController.class }, webEnvironment = WebEnvironment.RANDOM_PORT)
class ThymeleafStreamingEndToEndTests {

	private static final String CLIENT = System.getenv("DATASTAR_CLIENT_URL");

	// controller:begin
	@Controller
	static class TodoController {

		@GetMapping("/")
		String page() {
			return "thymeleaf-page";
		}

		@GetMapping("/stream")
		DatastarEmitter stream() {
			DatastarEmitter emitter = new DatastarEmitter();
			emitter.patchTemplate("thymeleaf-todos :: list", Map.of("todos", List.of("Write docs", "<b>Ship</b> it")));
			emitter.complete();
			return emitter;
		}

	}
	// controller:end

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

	}

	@DynamicPropertySource
	static void serveTheClient(DynamicPropertyRegistry registry) {
		if (CLIENT == null || CLIENT.isBlank()) {
			return;
		}
		if (CLIENT.startsWith("http://") || CLIENT.startsWith("https://")) {
			registry.add("datastar.client.url", () -> CLIENT);
			return;
		}
		// Same origin, from the file next to the repository: the starter never ships a copy.
		File client = new File(CLIENT.startsWith("file:") ? URI.create(CLIENT).getPath() : CLIENT).getAbsoluteFile();
		registry.add("spring.web.resources.static-locations", () -> client.getParentFile().toURI().toString());
		registry.add("datastar.client.url", () -> "/" + client.getName());
	}

	@LocalServerPort
	int port;

	@Test
	void theControllerHasFewerThan15Lines() throws Exception {
		List<String> source = Files.readAllLines(
				Path.of("src/test/java/io/github/datastarspring/thymeleaf/ThymeleafStreamingEndToEndTests.java"));
		List<String> controller = source.subList(source.indexOf("\t// controller:begin") + 1,
				source.indexOf("\t// controller:end"));
		assertThat(controller.stream().filter((line) -> !line.isBlank())).hasSizeLessThan(15);
	}

	@Test
	void theFragmentArrivesAsAPatchElementsEvent() throws Exception {
		try (LiveEventStream stream = LiveEventStream.connect("http://localhost:" + this.port + "/stream").open()) {
			assertThat(stream.header("Content-Type")).startsWith("text/event-stream");
			assertThat(stream.remainingEvents()).singleElement()
				.isPatchElements()
				.hasData("elements <ul id=\"todos\">", "elements <li><a href=\"/todos/1\">Write docs</a></li>",
						"elements <li><a href=\"/todos/2\">&lt;b&gt;Ship&lt;/b&gt; it</a></li>", "elements </ul>");
			assertThat(stream.awaitEnd()).isEqualTo(LiveEventStream.Ending.COMPLETED);
		}
	}

	@Test
	void aBrowserMorphsTheFragmentIntoThePage() throws Exception {
		if (CLIENT == null || CLIENT.isBlank()) {
			String message = "DATASTAR_CLIENT_URL is not set: skipping the Thymeleaf browser test "
					+ "(set it to the Datastar client's datastar.js, a file path or URL)";
			System.err.println("SKIPPED: " + message);
			Assumptions.abort(message);
		}
		Path profile = Files.createTempDirectory("chromium-profile");
		ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium")
			.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-background-networking", "--disable-component-update", "--disable-sync",
					"--no-first-run", "--user-data-dir=" + profile, "--window-size=900,500");
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File("/usr/bin/chromedriver"))
			.usingAnyFreePort()
			.build();
		ChromeDriver browser = new ChromeDriver(service, options);
		try {
			browser.get("http://localhost:" + this.port + "/");
			WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
			wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#todos li a"), 2));
			List<WebElement> links = browser.findElements(By.cssSelector("#todos li a"));
			assertThat(links).extracting(WebElement::getText).containsExactly("Write docs", "<b>Ship</b> it");
			assertThat(links.get(1).getAttribute("href")).isEqualTo("http://localhost:" + this.port + "/todos/2");
			assertThat(browser.findElements(By.cssSelector("#todos b"))).isEmpty();
			Path screenshot = Path.of("target/screenshots/thymeleaf-stream.png");
			Files.createDirectories(screenshot.getParent());
			Files.write(screenshot, browser.getScreenshotAs(OutputType.BYTES));
		}
		finally {
			browser.quit();
		}
	}

}
