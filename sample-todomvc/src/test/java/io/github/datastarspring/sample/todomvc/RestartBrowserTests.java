package io.github.datastarspring.sample.todomvc;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.aot.DisabledInAotMode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A deployment as users live it: the page stays open while the application is stopped gracefully
 * and started again on the same port. The page must come back to live updates by itself, without a
 * reload, and lose nothing (the todos live in PostgreSQL). Not in AOT mode: the instances are started
 * here with profile {@code postgres}, which an AOT build fixes when it is made.
 */
@DisabledInAotMode
class RestartBrowserTests {

	@Test
	void anOpenPageComesBackToLiveUpdatesAfterAGracefulRestart() throws Exception {
		if ("true".equals(System.getenv("CI"))) {
			assertThat(DatastarClient.location()).as(DatastarClient.ENVIRONMENT_VARIABLE).isNotNull();
			assertThat(Browser.available()).as("Chromium and chromedriver (scripts/setup installs them)").isTrue();
		}
		assumeTrue(DatastarClient.location() != null && Browser.available(),
				"browser tests need " + DatastarClient.ENVIRONMENT_VARIABLE + " and Chromium");
		String database = PostgresServer.get().createDatabase();
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		String list = "restart-" + UUID.randomUUID().toString().substring(0, 8);
		String page = "http://localhost:" + port + "/?list=" + list;
		ConfigurableApplicationContext first = TodoMvcInstance.start(database, port);
		ConfigurableApplicationContext second = null;
		try (Browser browser = Browser.start()) {
			browser.open(page);
			browser.newTodo().sendKeys("Before the restart" + Keys.ENTER);
			browser.waitUntil((d) -> browser.visibleTitles().equals(List.of("Before the restart")));
			// Gone after a reload: proves the page below is the same document throughout.
			browser.driver.executeScript("window.__sameDocument = true");

			first.close(); // graceful: Boot's default
			second = TodoMvcInstance.start(database, port);

			// A change from elsewhere reaches the open page: its stream has reconnected by itself.
			assertThat(add(port, list, "From another tab")).isEqualTo(204);
			browser.waitUntil((d) -> browser.visibleTitles().equals(List.of("Before the restart", "From another tab")));
			// And the page's own commands reach the new instance.
			browser.newTodo().sendKeys("Typed after the restart" + Keys.ENTER);
			browser.waitUntil((d) -> browser.visibleTitles()
				.equals(List.of("Before the restart", "From another tab", "Typed after the restart")));
			assertThat(browser.driver.executeScript("return window.__sameDocument === true")).as("not reloaded")
				.isEqualTo(true);
			browser.screenshot(Path.of("target", "screenshots", "todomvc-after-restart.png"));
		}
		finally {
			first.close();
			if (second != null) {
				second.close();
			}
		}
	}

	private static int add(int port, String list, String title) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/lists/" + list + "/todos"))
			.header("Datastar-Request", "true")
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString("{\"title\":\"" + title + "\"}"))
			.build();
		return HttpClient.newHttpClient().send(request, BodyHandlers.discarding()).statusCode();
	}

}
