package io.github.datastarspring.docs.gettingstarted;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.github.datastarspring.docs.Chromium;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The code of docs/getting-started.md, as a reader would run it: the page shows the server's time,
 * updated every second by the stream, and the greeting command validates its signal.
 */
@SpringBootTest(classes = { GettingStartedTests.App.class, ClockController.class, GreetController.class },
		webEnvironment = WebEnvironment.RANDOM_PORT)
class GettingStartedTests {

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

	}

	@DynamicPropertySource
	static void client(DynamicPropertyRegistry registry) {
		Chromium.serveClient(registry);
	}

	@LocalServerPort
	int port;

	@Test
	void thePageShowsTheServersTimeAndTheStreamKeepsItCurrent() throws Exception {
		ChromeDriver browser = Chromium.start();
		try {
			browser.get("http://localhost:" + this.port + "/");
			WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
			String first = wait.until((driver) -> {
				String text = driver.findElement(By.id("time")).getText();
				return text.matches("\\d\\d:\\d\\d:\\d\\d") ? text : null;
			});
			wait.until((driver) -> !driver.findElement(By.id("time")).getText().equals(first));
			assertThat(browser.findElement(By.id("time")).getText()).matches("\\d\\d:\\d\\d:\\d\\d");
			Chromium.screenshot(browser, "getting-started");
		}
		finally {
			browser.quit();
		}
	}

	@Test
	void greetAnswersWithTheMessageSignal() throws Exception {
		HttpResponse<String> response = greet("{\"name\":\"Ada\",\"message\":\"\"}");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body())
			.isEqualTo("event: datastar-patch-signals\ndata: signals {\"message\":\"Hello Ada\"}\n\n");
	}

	@Test
	void aBlankNameIsAToastThatNamesTheSignal() throws Exception {
		HttpResponse<String> response = greet("{\"name\":\" \",\"message\":\"\"}");
		// The client ignores the body of a 400, so the page gets a 200 with a toast; the header keeps the status.
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Datastar-Error-Status")).hasValue("400");
		assertThat(response.body()).startsWith("event: datastar-patch-elements\n")
			.contains("role=\"alert\"")
			.contains("Invalid Datastar signals: &#39;name&#39; must not be blank</div>")
			.doesNotContain("Hello");
	}

	@Test
	void aBlankNameFromAnotherCallerIsABadRequestThatNamesTheSignal() throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/greet"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\" \",\"message\":\"\"}"))
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains("'name' must not be blank");
	}

	private HttpResponse<String> greet(String signals) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/greet"))
			.header("Datastar-Request", "true")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(signals))
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
	}

}
