package io.github.datastarspring.docs.readme;

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

/**
 * README.md's streaming controller in a browser: the count ticks, and the reset command's signals
 * set it.
 */
@SpringBootTest(classes = { ReadmeTests.App.class, CounterController.class }, webEnvironment = WebEnvironment.RANDOM_PORT)
class ReadmeTests {

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
	void theCountTicksAndResetSetsIt() throws Exception {
		ChromeDriver browser = Chromium.start();
		try {
			browser.get("http://localhost:" + this.port + "/");
			WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
			wait.until((driver) -> !driver.findElement(By.id("count")).getText().isEmpty());
			browser.findElement(By.id("reset")).click();
			wait.until((driver) -> {
				String text = driver.findElement(By.id("count")).getText();
				return text.matches("\\d+") && Integer.parseInt(text) > 100;
			});
			Chromium.screenshot(browser, "readme-counter");
		}
		finally {
			browser.quit();
		}
	}

}
