package io.github.datastarspring.sample.todomvc;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.filter.OncePerRequestFilter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two headless browsers on the same list walk through the TodoMVC spec: whatever one does, the
 * other sees. Skipped, with a message, when {@code DATASTAR_CLIENT_URL} is unset.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class TodoMvcBrowserTests {

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private static Browser alice;

	private static Browser bob;

	@LocalServerPort
	private int port;

	@Autowired
	private TodoStore store;

	private String list;

	@DynamicPropertySource
	static void datastarClient(DynamicPropertyRegistry registry) {
		DatastarClient.register(registry);
	}

	@BeforeAll
	static void startBrowsers() throws Exception {
		if (DatastarClient.location() == null) {
			System.out.println("SKIPPED browser tests: set " + DatastarClient.ENVIRONMENT_VARIABLE
					+ " to the Datastar client (a file path or URL) to run them.");
			return;
		}
		if (!Browser.available()) {
			System.out.println("SKIPPED browser tests: no /usr/bin/chromium and /usr/bin/chromedriver (scripts/setup installs them).");
			return;
		}
		alice = Browser.start();
		bob = Browser.start();
	}

	@AfterAll
	static void stopBrowsers() {
		for (Browser browser : new Browser[] { alice, bob }) {
			if (browser != null) {
				browser.close();
			}
		}
	}

	/** On failure, what both pages logged: errors of the Datastar client show up there. */
	@RegisterExtension
	final TestWatcher consoles = new TestWatcher() {
		@Override
		public void testFailed(ExtensionContext context, Throwable cause) {
			if (alice == null) {
				return;
			}
			System.out.println("Alice's console:\n" + alice.consoleLog() + "Bob's console:\n" + bob.consoleLog());
		}
	};

	@BeforeEach
	void openBothPagesOnAFreshList() {
		assumeTrue(alice != null, "browser tests need " + DatastarClient.ENVIRONMENT_VARIABLE + " and Chromium");
		this.list = "test-" + UUID.randomUUID().toString().substring(0, 8);
		alice.open(url(""));
		bob.open(url(""));
	}

	@Test
	void emptyListShowsOnlyTheInput() {
		for (Browser page : List.of(alice, bob)) {
			assertThat(page.newTodo().isDisplayed()).isTrue();
			assertThat(page.displayed(".main")).isFalse();
			assertThat(page.displayed(".footer")).isFalse();
		}
	}

	@Test
	void addingTrimsIgnoresBlanksAndReachesTheOtherPage() throws Exception {
		alice.newTodo().sendKeys("  Buy milk  " + Keys.ENTER);
		bob.waitUntil((d) -> bob.visibleTitles().equals(List.of("Buy milk")));
		alice.waitUntil((d) -> alice.newTodo().getDomProperty("value").isEmpty());
		assertThat(alice.visibleTitles()).containsExactly("Buy milk");

		alice.newTodo().sendKeys("   " + Keys.ENTER);
		bob.newTodo().sendKeys("Walk the dog" + Keys.ENTER);
		alice.waitUntil((d) -> alice.visibleTitles().equals(List.of("Buy milk", "Walk the dog")));
		for (Browser page : List.of(alice, bob)) {
			page.waitUntil((d) -> page.text(".todo-count").equals("2 items left"));
			assertThat(page.displayed(".main")).isTrue();
			assertThat(page.displayed(".footer")).isTrue();
			assertThat(page.displayed(".clear-completed")).isFalse();
		}
		alice.screenshot(SCREENSHOTS.resolve("todomvc-two-items.png"));
	}

	@Test
	void togglingCountsAndClearCompletedStayInStep() throws Exception {
		add(alice, "Buy milk", "Walk the dog", "Taste Datastar");
		alice.todo("Buy milk").findElement(By.cssSelector(".toggle")).click();
		bob.waitUntil((d) -> hasClass(bob.todo("Buy milk"), "completed"));
		for (Browser page : List.of(alice, bob)) {
			page.waitUntil((d) -> page.text(".todo-count").equals("2 items left"));
			assertThat(page.displayed(".clear-completed")).isTrue();
		}

		bob.find(".toggle-all + label").click();
		alice.waitUntil((d) -> alice.text(".todo-count").equals("0 items left"));
		assertThat(alice.findAll(".todo-list li.completed")).hasSize(3);
		assertThat(alice.find(".toggle-all").isSelected()).isTrue();

		alice.find(".toggle-all + label").click();
		bob.waitUntil((d) -> bob.text(".todo-count").equals("3 items left"));
		assertThat(bob.find(".toggle-all").isSelected()).isFalse();

		bob.todo("Walk the dog").findElement(By.cssSelector(".toggle")).click();
		alice.waitUntil((d) -> alice.text(".todo-count").equals("2 items left"));
		alice.todo("Taste Datastar").findElement(By.cssSelector(".toggle")).click();
		bob.waitUntil((d) -> bob.text(".todo-count").equals("1 item left"));
		alice.screenshot(SCREENSHOTS.resolve("todomvc.png"));

		alice.find(".clear-completed").click();
		bob.waitUntil((d) -> bob.visibleTitles().equals(List.of("Buy milk")));
		for (Browser page : List.of(alice, bob)) {
			page.waitUntil((d) -> !page.displayed(".clear-completed"));
		}

		bob.hoverAndClick(bob.todo("Buy milk"), ".destroy");
		alice.waitUntil((d) -> !alice.displayed(".main") && !alice.displayed(".footer"));
	}

	@Test
	void filtersLiveInTheUrlAndEachPageKeepsItsOwn() {
		add(alice, "Buy milk", "Walk the dog");
		alice.todo("Buy milk").findElement(By.cssSelector(".toggle")).click();
		bob.waitUntil((d) -> hasClass(bob.todo("Buy milk"), "completed"));

		bob.find(".filters a[href='#/active']").click();
		bob.waitUntil((d) -> bob.visibleTitles().equals(List.of("Walk the dog")));
		assertThat(bob.driver.getCurrentUrl()).endsWith("#/active");
		assertThat(bob.find(".filters a.selected").getText()).isEqualTo("Active");
		assertThat(alice.visibleTitles()).containsExactly("Buy milk", "Walk the dog");

		bob.find(".filters a[href='#/completed']").click();
		bob.waitUntil((d) -> bob.visibleTitles().equals(List.of("Buy milk")));

		bob.driver.navigate().refresh();
		bob.waitUntil((d) -> bob.visibleTitles().equals(List.of("Buy milk")));
		assertThat(bob.find(".filters a.selected").getText()).isEqualTo("Completed");

		bob.driver.navigate().back();
		bob.waitUntil((d) -> bob.visibleTitles().equals(List.of("Walk the dog")));
		bob.driver.navigate().forward();
		bob.waitUntil((d) -> bob.visibleTitles().equals(List.of("Buy milk")));

		// A change made elsewhere lands in the filtered view.
		alice.newTodo().sendKeys("Call mum" + Keys.ENTER);
		alice.waitUntil((d) -> alice.visibleTitles().contains("Call mum"));
		bob.find(".filters a[href='#/active']").click();
		bob.waitUntil((d) -> bob.visibleTitles().equals(List.of("Walk the dog", "Call mum")));
		bob.find(".filters a[href='#/']").click();
		bob.waitUntil((d) -> bob.visibleTitles().size() == 3);
	}

	@Test
	void editingSavesOnEnterAndBlurCancelsOnEscapeAndDeletesWhenEmptied() throws Exception {
		add(alice, "Buy milk", "Walk the dog");

		WebElement milk = bob.todo("Buy milk");
		bob.doubleClick(milk.findElement(By.cssSelector("label")));
		bob.waitUntil((d) -> hasClass(bob.todo("Buy milk"), "editing"));
		WebElement edit = milk.findElement(By.cssSelector(".edit"));
		assertThat(edit.getDomProperty("value")).isEqualTo("Buy milk");
		bob.screenshot(SCREENSHOTS.resolve("todomvc-editing.png"));
		edit.sendKeys(Keys.chord(Keys.CONTROL, "a"), "  Buy oat milk  " + Keys.ENTER);
		alice.waitUntil((d) -> alice.visibleTitles().equals(List.of("Buy oat milk", "Walk the dog")));
		bob.waitUntil((d) -> bob.findAll(".todo-list li.editing").isEmpty());

		WebElement dog = alice.todo("Walk the dog");
		alice.doubleClick(dog.findElement(By.cssSelector("label")));
		WebElement dogEdit = dog.findElement(By.cssSelector(".edit"));
		alice.waitUntil((d) -> dogEdit.isDisplayed());
		dogEdit.sendKeys(" and the cat" + Keys.ESCAPE);
		alice.waitUntil((d) -> alice.findAll(".todo-list li.editing").isEmpty());
		assertThat(alice.visibleTitles()).containsExactly("Buy oat milk", "Walk the dog");

		alice.doubleClick(alice.todo("Walk the dog").findElement(By.cssSelector("label")));
		alice.waitUntil((d) -> dogEdit.isDisplayed());
		dogEdit.sendKeys(" and the cat");
		alice.newTodo().click(); // blur saves
		bob.waitUntil((d) -> bob.visibleTitles().equals(List.of("Buy oat milk", "Walk the dog and the cat")));

		alice.doubleClick(alice.todo("Buy oat milk").findElement(By.cssSelector("label")));
		WebElement milkEdit = alice.todo("Buy oat milk").findElement(By.cssSelector(".edit"));
		alice.waitUntil((d) -> milkEdit.isDisplayed());
		milkEdit.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE, Keys.ENTER);
		bob.waitUntil((d) -> bob.visibleTitles().equals(List.of("Walk the dog and the cat")));
	}

	@Test
	void changesFromElsewhereLeaveTypingAndEditingAlone() {
		add(alice, "Buy milk");
		bob.newTodo().sendKeys("half-typed");
		alice.doubleClick(alice.todo("Buy milk").findElement(By.cssSelector("label")));
		WebElement edit = alice.todo("Buy milk").findElement(By.cssSelector(".edit"));
		alice.waitUntil((d) -> edit.isDisplayed());
		edit.sendKeys(" and eggs");

		alice.newTodo().sendKeys("Walk the dog" + Keys.ENTER); // blurs the edit: saves it
		bob.waitUntil((d) -> bob.visibleTitles().equals(List.of("Buy milk and eggs", "Walk the dog")));
		bob.find(".toggle-all + label").click();
		alice.waitUntil((d) -> alice.text(".todo-count").equals("0 items left"));
		assertThat(bob.newTodo().getDomProperty("value")).isEqualTo("half-typed");

		bob.doubleClick(bob.todo("Walk the dog").findElement(By.cssSelector("label")));
		WebElement bobEdit = bob.todo("Walk the dog").findElement(By.cssSelector(".edit"));
		bob.waitUntil((d) -> bobEdit.isDisplayed());
		bobEdit.sendKeys(" twice");
		alice.find(".toggle-all + label").click();
		bob.waitUntil((d) -> bob.text(".todo-count").equals("2 items left"));
		assertThat(hasClass(bob.todo("Walk the dog"), "editing")).isTrue();
		assertThat(bobEdit.getDomProperty("value")).isEqualTo("Walk the dog twice");
		bobEdit.sendKeys(Keys.ENTER);
		alice.waitUntil((d) -> alice.visibleTitles().equals(List.of("Buy milk and eggs", "Walk the dog twice")));
	}

	@Test
	void htmlIsShownAsTextAndOverlongTitlesAreRefusedVisibly() throws Exception {
		alice.newTodo().sendKeys("<b>bold</b> & <script>alert(1)</script>" + Keys.ENTER);
		bob.waitUntil((d) -> bob.visibleTitles().equals(List.of("<b>bold</b> & <script>alert(1)</script>")));
		assertThat(bob.findAll(".todo-list b")).isEmpty();

		String tooLong = "x".repeat(501);
		alice.newTodo().sendKeys(tooLong + Keys.ENTER);
		alice.waitUntil((d) -> alice.displayed(".problem"));
		assertThat(alice.text(".problem")).contains("at most 500 characters");
		alice.screenshot(SCREENSHOTS.resolve("todomvc-refused.png"));
		assertThat(alice.newTodo().getDomProperty("value")).isEqualTo(tooLong);
		assertThat(bob.visibleTitles()).hasSize(1);
		assertThat(this.store.find(this.list).todos()).hasSize(1);

		// Shortened, it goes through and the message goes away.
		alice.newTodo().sendKeys(Keys.BACK_SPACE, Keys.ENTER);
		bob.waitUntil((d) -> bob.visibleTitles().size() == 2);
		alice.waitUntil((d) -> !alice.displayed(".problem"));
	}

	@Test
	void aTodoDeletedElsewhereAnswers404WithoutBreakingThePage() {
		add(alice, "Buy milk", "Walk the dog");
		bob.waitUntil((d) -> bob.visibleTitles().size() == 2);
		// Gone from the store behind every page's back: Bob still shows it.
		long id = this.store.find(this.list).todos().get(0).id();
		this.store.delete(this.list, id);

		bob.todo("Buy milk").findElement(By.cssSelector(".toggle")).click();
		bob.waitUntil((d) -> bob.displayed(".problem"));
		assertThat(bob.text(".problem")).contains("deleted");

		bob.todo("Walk the dog").findElement(By.cssSelector(".toggle")).click();
		alice.waitUntil((d) -> alice.visibleTitles().equals(List.of("Walk the dog")));
		alice.waitUntil((d) -> hasClass(alice.todo("Walk the dog"), "completed"));
	}

	@Test
	void separateListsDoNotMix() {
		add(alice, "Only in this list");
		bob.open(url("-other"));
		bob.newTodo().sendKeys("Only in the other list" + Keys.ENTER);
		bob.waitUntil((d) -> bob.visibleTitles().equals(List.of("Only in the other list")));
		assertThat(alice.visibleTitles()).containsExactly("Only in this list");
	}

	@Test
	void controlsShowWorkInFlightAndNothingChangesBeforeTheServerSaysSo() throws Exception {
		this.list = "slow-" + this.list;
		alice.open(url(""));
		bob.open(url(""));

		alice.newTodo().sendKeys("Buy milk" + Keys.ENTER);
		alice.waitUntil((d) -> hasClass(alice.newTodo(), "busy"));
		assertThat(alice.visibleTitles()).isEmpty();
		alice.screenshot(SCREENSHOTS.resolve("todomvc-adding.png"));
		alice.waitUntil((d) -> alice.visibleTitles().equals(List.of("Buy milk")));
		alice.waitUntil((d) -> !hasClass(alice.newTodo(), "busy"));

		WebElement toggle = bob.todo("Buy milk").findElement(By.cssSelector(".toggle"));
		toggle.click();
		bob.waitUntil((d) -> hasClass(bob.todo("Buy milk"), "busy"));
		assertThat(toggle.isSelected()).isFalse();
		assertThat(hasClass(alice.todo("Buy milk"), "completed")).isFalse();
		bob.waitUntil((d) -> hasClass(bob.todo("Buy milk"), "completed") && !hasClass(bob.todo("Buy milk"), "busy"));
		assertThat(bob.todo("Buy milk").findElement(By.cssSelector(".toggle")).isSelected()).isTrue();
	}

	@Test
	void typingTheNextTodoWhileTheFirstIsOnItsWayLosesNothing() throws Exception {
		// A slow link: every request of Alice's takes two seconds longer, far longer than typing.
		alice.driver.executeCdpCommand("Network.enable", Map.of());
		alice.driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 2000,
				"downloadThroughput", -1, "uploadThroughput", -1));
		try {
			alice.newTodo().sendKeys("Buy milk" + Keys.ENTER);
			alice.newTodo().sendKeys("Walk the dog" + Keys.ENTER);
			alice.newTodo().sendKeys("Call mum");
			// Typed and sent while the first was still on its way.
			assertThat(hasClass(alice.newTodo(), "busy")).isTrue();
			bob.waitUntil((d) -> bob.visibleTitles().size() == 2);
			assertThat(bob.visibleTitles()).containsExactlyInAnyOrder("Buy milk", "Walk the dog");
			alice.waitUntil((d) -> alice.visibleTitles().size() == 2);
			alice.screenshot(SCREENSHOTS.resolve("todomvc-slow-link.png"));
			assertThat(alice.newTodo().getDomProperty("value")).isEqualTo("Call mum");
		}
		finally {
			alice.driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 0,
					"downloadThroughput", -1, "uploadThroughput", -1));
		}
	}

	/** Lists named {@code slow-...} answer commands after a second, so that work in flight can be seen. */
	@TestConfiguration
	static class SlowCommands {

		@Bean
		OncePerRequestFilter slowCommands() {
			return new OncePerRequestFilter() {
				@Override
				protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
						FilterChain chain) throws ServletException, IOException {
					if (request.getRequestURI().startsWith("/lists/slow-") && !"GET".equals(request.getMethod())) {
						LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
					}
					chain.doFilter(request, response);
				}
			};
		}

	}

	private void add(Browser page, String... titles) {
		for (String title : titles) {
			page.newTodo().sendKeys(title + Keys.ENTER);
			page.waitUntil((d) -> page.visibleTitles().contains(title));
		}
		Browser other = (page == alice) ? bob : alice;
		other.waitUntil((d) -> other.visibleTitles().equals(List.of(titles)));
	}

	private static boolean hasClass(WebElement element, String name) {
		String classes = element.getDomAttribute("class");
		return classes != null && List.of(classes.split("\\s+")).contains(name);
	}

	private String url(String suffix) {
		return "http://localhost:" + this.port + "/?list=" + this.list + suffix;
	}

}
