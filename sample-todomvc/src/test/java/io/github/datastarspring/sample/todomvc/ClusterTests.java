package io.github.datastarspring.sample.todomvc;

import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.datastarspring.test.LiveEventStream;
import io.github.datastarspring.test.ReceivedEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.aot.DisabledInAotMode;

import static io.github.datastarspring.sample.todomvc.TodoMvcInstance.base;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two (and for a while three) TodoMVC instances with profile {@code postgres} on their own ports,
 * sharing one real PostgreSQL database: lists and pages stay the same whichever instance serves them.
 * Not in AOT mode: the instances are started here with profile {@code postgres}, and an AOT build
 * fixes the profiles (and the application's initializer) when it is made.
 */
@DisabledInAotMode
class ClusterTests {

	private static final Pattern COUNT = Pattern.compile("<strong>(\\d+)</strong>");

	private static String database;

	private static ConfigurableApplicationContext a;

	private static ConfigurableApplicationContext b;

	private final HttpClient http = HttpClient.newHttpClient();

	private final String list = "test-" + UUID.randomUUID().toString().substring(0, 8);

	@BeforeAll
	static void startTwoInstances() {
		database = PostgresServer.get().createDatabase();
		a = TodoMvcInstance.start(database, 0);
		b = TodoMvcInstance.start(database, 0);
	}

	@AfterAll
	static void stopThem() {
		for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] { a, b }) {
			if (context != null) {
				context.close();
			}
		}
	}

	private LiveEventStream stream(String base, String lastEventId) throws Exception {
		return LiveEventStream.connect(base + "/lists/" + this.list + "/updates").lastEventId(lastEventId).open();
	}

	private int add(String base, String title) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/lists/" + this.list + "/todos"))
			.header("Datastar-Request", "true")
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString("{\"title\":\"" + title + "\"}"))
			.build();
		return this.http.send(request, BodyHandlers.ofString()).statusCode();
	}

	private static int count(String event) {
		Matcher matcher = COUNT.matcher(event);
		assertThat(matcher.find()).as(event).isTrue();
		return Integer.parseInt(matcher.group(1));
	}

	@Test
	void aChangeOnOneInstanceReachesPagesOnTheOtherWithTheSameId() throws Exception {
		try (LiveEventStream onA = stream(base(a), null); LiveEventStream onB = stream(base(b), null)) {
			onA.nextEvent();
			onB.nextEvent();
			assertThat(add(base(a), "Buy milk")).isEqualTo(204);
			ReceivedEvent seenOnB = onB.nextEvent();
			assertThat(seenOnB.elements()).contains(">Buy milk</label>");
			assertThat(onA.nextEvent()).isEqualTo(seenOnB);
			assertThat(add(base(b), "Walk the dog")).isEqualTo(204);
			assertThat(onA.nextEvent().elements()).contains(">Buy milk</label>").contains(">Walk the dog</label>");
		}
	}

	@Test
	void aPageResumingOnTheOtherInstanceGetsExactlyWhatItMissedAndNoSnapshot() throws Exception {
		String lastSeen;
		try (LiveEventStream onA = stream(base(a), null)) {
			onA.nextEvent();
			add(base(a), "one");
			lastSeen = onA.nextEvent().id();
		}
		add(base(a), "two");
		add(base(b), "three");
		try (LiveEventStream onB = stream(base(b), lastSeen)) {
			ReceivedEvent first = onB.nextEvent();
			ReceivedEvent second = onB.nextEvent();
			// Two events, numbered after the last one seen: the missed ones, not a snapshot.
			String epoch = lastSeen.substring(0, lastSeen.lastIndexOf('-'));
			long seq = Long.parseLong(lastSeen.substring(lastSeen.lastIndexOf('-') + 1));
			assertThat(first.id()).isEqualTo(epoch + "-" + (seq + 1));
			assertThat(count(first.elements())).isEqualTo(2);
			assertThat(second.id()).isEqualTo(epoch + "-" + (seq + 2));
			assertThat(count(second.elements())).isEqualTo(3);
		}
	}

	@Test
	void concurrentChangesOnBothInstancesReachEveryPageInOneOrder() throws Exception {
		try (LiveEventStream onA = stream(base(a), null); LiveEventStream onB = stream(base(b), null)) {
			onA.nextEvent();
			onB.nextEvent();
			ExecutorService clients = Executors.newFixedThreadPool(4);
			try {
				List<Future<?>> done = new ArrayList<>();
				for (String base : List.of(base(a), base(b), base(a), base(b))) {
					done.add(clients.submit(() -> {
						for (int i = 0; i < 10; i++) {
							assertThat(add(base, "todo " + i)).isEqualTo(204);
						}
						return null;
					}));
				}
				for (Future<?> f : done) {
					f.get();
				}
			}
			finally {
				clients.shutdown();
			}
			// Every page sees each change once, in the order the changes committed: 1, 2, ... 40 items.
			for (LiveEventStream page : List.of(onA, onB)) {
				for (int n = 1; n <= 40; n++) {
					assertThat(count(page.nextEvent().elements())).isEqualTo(n);
				}
			}
		}
	}

	@Test
	void killingAnInstanceLeavesTheOthersPagesUnaffected() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		List<String> command = new ArrayList<>(List.of(
				Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), TodoMvcApplication.class.getName()));
		command.addAll(TodoMvcInstance.arguments(database, port));
		Process c = new ProcessBuilder(command).redirectOutput(new File("target/killed-instance.log"))
			.redirectErrorStream(true)
			.start();
		try {
			String onC = "http://localhost:" + port;
			await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> this.http
				.send(HttpRequest.newBuilder(URI.create(onC + "/")).build(), BodyHandlers.discarding())
				.statusCode() == 200);
			try (LiveEventStream onA = stream(base(a), null); LiveEventStream onB = stream(base(b), null)) {
				onA.nextEvent();
				onB.nextEvent();
				add(onC, "from the doomed instance");
				assertThat(onA.nextEvent().elements()).contains("from the doomed instance");
				assertThat(onB.nextEvent().elements()).contains("from the doomed instance");
				c.destroyForcibly().waitFor();
				assertThat(add(base(b), "after the kill")).isEqualTo(204);
				assertThat(onA.nextEvent().elements()).contains("after the kill");
				assertThat(onB.nextEvent().elements()).contains("after the kill");
			}
		}
		finally {
			c.destroyForcibly();
		}
	}

	@Test
	void twoBrowsersOnDifferentInstancesStayInStep() throws Exception {
		assumeTrue(DatastarClient.location() != null && Browser.available(),
				"browser tests need " + DatastarClient.ENVIRONMENT_VARIABLE + " and Chromium");
		try (Browser alice = Browser.start(); Browser bob = Browser.start()) {
			alice.open(base(a) + "/?list=" + this.list);
			bob.open(base(b) + "/?list=" + this.list);
			alice.newTodo().sendKeys("Buy milk" + Keys.ENTER);
			bob.newTodo().sendKeys("Walk the dog" + Keys.ENTER);
			alice.waitUntil((d) -> alice.visibleTitles().size() == 2);
			bob.waitUntil((d) -> bob.visibleTitles().equals(alice.visibleTitles()));
			bob.todo("Buy milk").findElement(By.cssSelector(".toggle")).click();
			alice.waitUntil((d) -> alice.text(".todo-count").equals("1 item left"));
			alice.screenshot(Path.of("target", "screenshots", "todomvc-cluster-a.png"));
			bob.screenshot(Path.of("target", "screenshots", "todomvc-cluster-b.png"));
		}
	}

}
