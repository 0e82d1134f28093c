package io.github.datastarspring.sample.chat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The chat in real headless Chromium browsers with the real Datastar client: each browser is
 * one person (its own cookies), tabs are windows of it. Heartbeats every second, so that a
 * killed browser leaves the room list quickly.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "datastar.sse.heartbeat=1s")
class ChatBrowserTests {

	private static final Duration HEARTBEAT = Duration.ofSeconds(1);

	private static String client;

	@LocalServerPort
	int port;

	@Autowired
	ChatStore store;

	private final List<ChatBrowser> browsers = new ArrayList<>();

	@DynamicPropertySource
	static void datastarClient(DynamicPropertyRegistry registry) {
		String location = System.getenv("DATASTAR_CLIENT_URL");
		if (location == null || location.isBlank()) {
			return;
		}
		Path file = Path.of(location.trim()).toAbsolutePath();
		registry.add("spring.web.resources.static-locations", () -> "classpath:/static/," + file.getParent().toUri());
		registry.add("datastar.client.url", () -> "/" + file.getFileName());
		client = file.toString();
	}

	@BeforeAll
	static void needsClientAndBrowser() {
		String location = System.getenv("DATASTAR_CLIENT_URL");
		boolean ready = location != null && Files.isRegularFile(Path.of(location.trim())) && ChatBrowser.available();
		if (!ready && "true".equals(System.getenv("CI"))) {
			fail("Browser tests need DATASTAR_CLIENT_URL (the Datastar client file) and /usr/bin/chromium");
		}
		assumeTrue(ready, "SKIPPED: set DATASTAR_CLIENT_URL to the Datastar client and install chromium");
	}

	@AfterEach
	void closeBrowsers() {
		this.browsers.forEach(ChatBrowser::close);
	}

	@Test
	void twoUsersChatInARoom() throws Exception {
		ChatBrowser user1 = loggedIn("user1", "spring");
		ChatBrowser user2 = loggedIn("user2", "spring");
		say(user1, "Hello from user1");
		user2.waitUntil((d) -> user2.texts("#messages li").stream().anyMatch((t) -> t.endsWith("user1 Hello from user1")));
		say(user2, "Hi user1!");
		user1.waitUntil((d) -> user1.texts("#messages li").stream().anyMatch((t) -> t.endsWith("user2 Hi user1!")));
		user1.screenshot("chat-two-users");
	}

	@Test
	void aDirectMessageReachesEveryTabOfItsRecipientAndNoOneElse() throws Exception {
		ChatBrowser user1 = loggedIn("user1", "lobby");
		ChatBrowser user2 = loggedIn("user2", "lobby");
		String user2FirstTab = user2.tab();
		String user2SecondTab = user2.newTab(room("lobby"));
		waitForMember(user2, "user2", "2 tabs");
		ChatBrowser user3 = loggedIn("user3", "datastar");
		directMessage(user1, "user2", "psst, user2");
		for (String tab : List.of(user2FirstTab, user2SecondTab)) {
			user2.switchTo(tab);
			user2.waitUntil((d) -> user2.texts("#direct li").stream().anyMatch((t) -> t.endsWith("user1 → user2 psst, user2")));
		}
		// Published after the first: once user3 has this one, the first would have arrived too.
		directMessage(user1, "user3", "and you, user3");
		user3.waitUntil((d) -> user3.texts("#direct li").stream().anyMatch((t) -> t.endsWith("and you, user3")));
		assertThat(user3.texts("#direct li")).noneMatch((t) -> t.contains("psst"));
		user2.screenshot("chat-direct-message");
	}

	@Test
	void aForgedPostFromAnotherSiteIsRefusedAndChangesNothing() throws Exception {
		ChatBrowser user1 = loggedIn("user1", "lobby");
		int before = this.store.messages("lobby").size();
		// The classic: a text/plain form whose body reads as JSON, posted by a page of another origin.
		String attack = "<form method='post' enctype='text/plain' action='" + room("lobby") + "/messages'>"
				+ "<input name='{\"text\":\"forged\",\"x\":\"' value='\"}'></form>"
				+ "<script>document.forms[0].submit()</script>";
		user1.driver.get("data:text/html," + URLEncoder.encode(attack, StandardCharsets.UTF_8).replace("+", "%20"));
		user1.waitUntil((d) -> d.getPageSource().contains("Cross-site request refused"));
		user1.screenshot("chat-forged-post");
		assertThat(this.store.messages("lobby")).hasSize(before);
		assertThat(this.store.messages("lobby")).noneMatch((m) -> m.text().contains("forged"));
	}

	@Test
	void loggingOutInOneTabSendsTheOtherTabToTheLoginPage() throws Exception {
		ChatBrowser user1 = loggedIn("user1", "lobby");
		String first = user1.tab();
		String second = user1.newTab(room("lobby"));
		waitForMember(user1, "user1", "2 tabs");
		user1.switchTo(first);
		user1.find("#logout").click();
		user1.waitUntil((d) -> user1.onLoginPage());
		user1.switchTo(second);
		// Nobody reloads this tab: its stream tells it that its session ended.
		user1.waitUntil((d) -> user1.onLoginPage());
		user1.screenshot("chat-logged-out-other-tab");
	}

	@Test
	void anExpiredSessionsNextActionLandsOnTheLoginPage() throws Exception {
		ChatBrowser user2 = loggedIn("user2", "lobby");
		int before = this.store.messages("lobby").size();
		// The server no longer knows the session the page holds, as after it expired.
		user2.replaceSessionCookie("expired-session-id");
		say(user2, "anyone there?");
		user2.waitUntil((d) -> user2.onLoginPage());
		user2.screenshot("chat-expired-session");
		assertThat(this.store.messages("lobby")).hasSize(before);
		// And back to the room after logging in again.
		user2.find("#username").sendKeys("user2");
		user2.find("#password").sendKeys("datastar");
		user2.find("button[type=submit]").click();
		user2.waitUntil((d) -> d.getCurrentUrl().startsWith(room("lobby")) && !user2.onLoginPage());
	}

	@Test
	void aServerErrorShowsAToast() throws Exception {
		ChatBrowser user1 = loggedIn("user1", "lobby");
		user1.find("#crash").click();
		user1.waitUntil((d) -> user1.texts("#toasts .toast").contains("Something went wrong on our side. Please try again."));
		user1.screenshot("chat-server-error-toast");
	}

	@Test
	void aRefusedActionShowsAToast() throws Exception {
		ChatBrowser user2 = loggedIn("user2", "lobby");
		user2.find("#announce").click();
		user2.waitUntil((d) -> user2.texts("#toasts .datastar-access-denied").contains("Only admins can make announcements."));
		user2.screenshot("chat-access-denied-toast");
	}

	@Test
	void aUserWithTwoTabsIsListedOnceAndLeavesWithinTwoHeartbeatsOfTheirBrowserDying() throws Exception {
		ChatBrowser user1 = loggedIn("user1", "datastar");
		ChatBrowser user3 = loggedIn("user3", "datastar");
		user3.newTab(room("datastar"));
		waitForMember(user1, "user3", "2 tabs");
		assertThat(user1.texts("#members li")).filteredOn((t) -> t.startsWith("user3")).hasSize(1);
		user1.screenshot("chat-presence");
		long killed = System.nanoTime();
		user3.kill();
		user1.waitUntil((d) -> user1.driver.findElements(By.cssSelector("#members li[data-user=user3]")).isEmpty());
		Duration gone = Duration.ofNanos(System.nanoTime() - killed);
		System.out.println("user3 left the room list " + gone.toMillis() + " ms after their browser was killed");
		// Two heartbeats to notice the dead connection, plus a little for the patch to travel.
		assertThat(gone).isLessThan(HEARTBEAT.multipliedBy(2).plusMillis(1500));
	}

	private ChatBrowser loggedIn(String user, String room) throws Exception {
		ChatBrowser browser = ChatBrowser.start();
		this.browsers.add(browser);
		browser.logIn(room(room), user);
		waitForMember(browser, user, null);
		return browser;
	}

	/** The room list shows {@code user} (with {@code tabs}, when given): this tab's stream is live. */
	private static void waitForMember(ChatBrowser browser, String user, String tabs) {
		browser.waitUntil((d) -> browser.texts("#members li[data-user=" + user + "]")
			.stream()
			.anyMatch((t) -> tabs == null || t.contains(tabs)));
	}

	private static void say(ChatBrowser browser, String text) {
		browser.find("#text").sendKeys(text + Keys.ENTER);
	}

	private static void directMessage(ChatBrowser browser, String to, String text) {
		new Select(browser.find("#to")).selectByValue(to);
		browser.find("#dm").sendKeys(text + Keys.ENTER);
	}

	private String room(String room) {
		return "http://localhost:" + this.port + "/rooms/" + room;
	}


}
