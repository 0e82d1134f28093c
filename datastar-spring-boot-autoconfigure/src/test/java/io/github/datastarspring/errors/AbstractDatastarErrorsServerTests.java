package io.github.datastarspring.errors;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Errors the user sees, the same on every stack: for a Datastar request an exception becomes a
 * 200 whose events the client applies; other callers keep statuses and problem details.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class AbstractDatastarErrorsServerTests {

	static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@LocalServerPort
	int port;

	@Test
	void invalidSignalsOfADatastarRequestBecomeAToastNamingTheSignal() throws Exception {
		HttpResponse<String> response = datastar("POST", "/todos", "{\"title\":\"far too long <b>\"}");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream");
		assertThat(response.headers().firstValue("Datastar-Error-Status")).hasValue("400");
		assertThat(response.body()).startsWith("event: datastar-patch-elements\n")
			.contains("data: selector body\n")
			.contains("data: mode append\n")
			.contains("role=\"alert\"")
			.contains("Invalid Datastar signals: &#39;title&#39; must be at most 10 characters</div>");
	}

	@Test
	void malformedSignalsOfADatastarRequestBecomeAToast() throws Exception {
		HttpResponse<String> response = datastar("POST", "/todos", "{\"title\":");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Datastar-Error-Status")).hasValue("400");
		assertThat(response.body()).contains("Datastar signals are not valid JSON");
	}

	@Test
	void anUnexpectedExceptionShowsAFixedMessageAndIsLoggedNotLeaked(CapturedOutput output) throws Exception {
		HttpResponse<String> response = datastar("POST", "/crash", "{}");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Datastar-Error-Status")).hasValue("500");
		assertThat(response.body()).contains("Something went wrong, please try again.")
			.doesNotContain("secret")
			.doesNotContain("IllegalStateException");
		assertThat(output).contains("Datastar request POST /crash failed")
			.contains("java.lang.IllegalStateException: database password is <secret>");
	}

	@Test
	void aStatusExceptionShowsItsReasonEscaped() throws Exception {
		HttpResponse<String> response = datastar("POST", "/missing", "{}");
		assertThat(response.headers().firstValue("Datastar-Error-Status")).hasValue("404");
		assertThat(response.body()).contains("That todo was deleted: &lt;b&gt;milk&lt;/b&gt;</div>")
			.doesNotContain("<b>milk");
	}

	@Test
	void aControllerAdviceCanAnswerWithDatastarEvents() throws Exception {
		HttpResponse<String> response = datastar("POST", "/quota", "{}");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream");
		assertThat(response.body())
			.isEqualTo("event: datastar-patch-signals\ndata: signals {\"quota\":\"You have 3 todos, the limit\"}\n\n");
	}

	@Test
	void otherCallersGetProblemDetailsForSignalsAndSpringsAnswerOtherwise() throws Exception {
		HttpResponse<String> invalid = send("POST", "/todos", "{\"title\":\"far too long\"}", false);
		assertThat(invalid.statusCode()).isEqualTo(400);
		assertThat(invalid.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(invalid.body()).contains("\"signal\":\"title\"").contains("must be at most 10 characters");
		assertThat(send("POST", "/crash", "{}", false).statusCode()).isEqualTo(500);
		assertThat(send("POST", "/missing", "{}", false).statusCode()).isEqualTo(404);
	}

	@Test
	void aMalformedQueryEncodingIsAClear400WithoutAnErrorLog(CapturedOutput output) throws Exception {
		HttpResponse<String> invalidUtf8 = send("GET", "/todos?datastar=%7B%22title%22:%22%FF%22%7D", null, false);
		assertThat(invalidUtf8.statusCode()).isEqualTo(400);
		assertThat(invalidUtf8.body()).contains("Datastar signals are not valid UTF-8");
		String badEscape = raw("GET /todos?datastar=%7B%22title%22:%22%G1%22%7D");
		assertThat(badEscape).startsWith("HTTP/1.1 400");
		assertMalformedEscapeExplained(badEscape);
		HttpResponse<String> toast = send("GET", "/todos?datastar=%FF", null, true);
		assertThat(toast.headers().firstValue("Datastar-Error-Status")).hasValue("400");
		assertThat(toast.body()).contains("not valid UTF-8");
		assertThat(output).doesNotContain("ERROR").doesNotContain("Exception");
	}

	@Test
	void signalsOverTheContainersUrlLimitGetAClearAnswer() throws Exception {
		String big = "%7B%22title%22:%22" + "x".repeat(20_000) + "%22%7D";
		String response = raw("GET /todos?datastar=" + big);
		assertThat(response).startsWith("HTTP/1.1 414").containsIgnoringCase("content-type: application/problem+json")
			.contains("GET and DELETE send Datastar signals in the URL: send this many with @post");
	}

	@Test
	void aValidQueryStillBinds() throws Exception {
		assertThat(send("GET", "/todos?datastar=%7B%22title%22:%22caf%C3%A9+au+lait%22%7D", null, true).body())
			.isEqualTo("listed café au lait");
	}

	/** Reactor Netty refuses a malformed escape before any application code runs (an empty 400). */
	abstract void assertMalformedEscapeExplained(String rawResponse);

	/** Sends a request line as is: java.net.http refuses malformed escapes, browsers and scanners send them. */
	String raw(String requestLine) throws Exception {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(10_000);
			socket.getOutputStream()
				.write((requestLine + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
			return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	@Test
	void aPersonSeesInvalidSignalsAndServerErrorsOnThePage() throws Exception {
		try (ErrorsBrowser browser = ErrorsBrowser.start()) {
			ChromeDriver driver = browser.driver;
			WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
			driver.get("http://localhost:" + this.port + "/");
			// ds:signals: the hostile value arrives intact in the signal, and nothing of it ran.
			WebElement title = driver.findElement(By.id("title"));
			wait.until((d) -> ErrorsTestApplication.HOSTILE_TITLE.equals(title.getDomProperty("value")));
			assertThat(driver.executeScript("return window.pwned === undefined")).isEqualTo(true);

			driver.findElement(By.id("add")).click();
			WebElement invalid = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".datastar-error")));
			assertThat(invalid.getText()).isEqualTo("Invalid Datastar signals: 'title' must be at most 10 characters");
			screenshot(driver, "errors-invalid-signals");
			invalid.click();
			wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".datastar-error"), 0));

			driver.findElement(By.id("crash")).click();
			WebElement crash = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".datastar-error")));
			assertThat(crash.getText()).isEqualTo("Something went wrong, please try again.");
			screenshot(driver, "errors-server-error");
			crash.click();

			title.clear();
			title.sendKeys("Eggs");
			driver.findElement(By.id("add")).click();
			wait.until(ExpectedConditions.textToBe(By.id("saved"), "added Eggs"));
			assertThat(driver.findElements(By.cssSelector(".datastar-error"))).isEmpty();
		}
	}

	private void screenshot(ChromeDriver driver, String name) throws Exception {
		Path file = Path.of("target/screenshots/" + name + "-" + getClass().getSimpleName() + ".png");
		Files.createDirectories(file.getParent());
		Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
	}

	@DynamicPropertySource
	static void serveTheClient(DynamicPropertyRegistry registry) {
		ErrorsBrowser.serveTheClient(registry);
	}

	HttpResponse<String> datastar(String method, String path, String json) throws Exception {
		return send(method, path, json, true);
	}

	HttpResponse<String> send(String method, String path, String json, boolean datastar) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(10));
		if (datastar) {
			request.header("Datastar-Request", "true");
		}
		if (json == null) {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		else {
			request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
