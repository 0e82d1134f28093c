package io.github.datastarspring.thymeleaf;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.github.datastarspring.core.TemplateRenderer;
import io.github.datastarspring.mvc.DatastarEmitter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fragments rendered by a real Spring MVC server with a context path, on the request thread and
 * on other threads.
 */
@SpringBootTest(classes = WebMvcThymeleafTemplateRendererTests.App.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "server.servlet.context-path=/app", "spring.messages.basename=datastar-thymeleaf/messages",
				"spring.messages.fallback-to-system-locale=false", "datastar.client.url=/datastar.js" })
class WebMvcThymeleafTemplateRendererTests {

	static final ExecutorService executor = Executors.newSingleThreadExecutor();

	@LocalServerPort
	int port;

	@Autowired
	TemplateRenderer renderer;

	@AfterAll
	static void shutdown() {
		executor.shutdownNow();
	}

	@Test
	void usesTheWebMvcRenderer() {
		assertThat(this.renderer).isInstanceOf(WebMvcThymeleafTemplateRenderer.class);
	}

	@Test
	void onTheRequestThreadLinksGetTheContextPathAndValuesAreEscaped() throws Exception {
		assertThat(get("/app/list?where=request", "en")).isEqualTo(expectedList());
	}

	@Test
	void onAnotherThreadDuringARequestLinksStillResolve() throws Exception {
		assertThat(get("/app/list?where=executor", "en")).isEqualTo(expectedList());
	}

	@Test
	void withoutAnyRequestLinksUseTheConfiguredContextPath() throws Exception {
		String html = CompletableFuture.supplyAsync(() -> this.renderer.render("thymeleaf-fragments :: list", model()),
				executor).get(10, TimeUnit.SECONDS);
		assertThat(html).isEqualTo(expectedList());
	}

	@Test
	void messagesUseTheRequestLocaleOnTheRequestThread() throws Exception {
		assertThat(get("/app/greeting", "fr")).isEqualTo("<p id=\"greeting\">Bonjour, Ada !</p>");
		assertThat(get("/app/greeting", "en")).isEqualTo("<p id=\"greeting\">Hello, Ada!</p>");
	}

	@Test
	void messagesUseTheLocaleContextHolderOffTheRequestThread() throws Exception {
		String french = CompletableFuture.supplyAsync(() -> {
			LocaleContextHolder.setLocale(Locale.FRENCH);
			try {
				return this.renderer.render("thymeleaf-fragments :: greeting", Map.of("name", "Ada"));
			}
			finally {
				LocaleContextHolder.resetLocaleContext();
			}
		}, executor).get(10, TimeUnit.SECONDS);
		assertThat(french).isEqualTo("<p id=\"greeting\">Bonjour, Ada !</p>");
	}

	@Test
	void beanReferencesResolveOnAnyThread() throws Exception {
		assertThat(get("/app/count", "en")).isEqualTo("<p id=\"count\">42</p>");
		String html = CompletableFuture.supplyAsync(() -> this.renderer.render("thymeleaf-fragments :: count", Map.of()),
				executor).get(10, TimeUnit.SECONDS);
		assertThat(html).isEqualTo("<p id=\"count\">42</p>");
	}

	@Test
	void onTheRequestThreadTheWebContextIsThereAsInAPageView() throws Exception {
		assertThat(get("/app/query?q=hi", "en")).isEqualTo("<p id=\"query\">hi</p>");
	}

	@Test
	void wholeTemplateWithoutSelectorAndAContextRelativeClientUrl() throws Exception {
		String html = CompletableFuture.supplyAsync(() -> this.renderer.render("thymeleaf-client", Map.of()), executor)
			.get(10, TimeUnit.SECONDS);
		assertThat(html).isEqualToIgnoringNewLines("<script type=\"module\" src=\"/app/datastar.js\"></script>");
	}

	@Test
	void patchTemplateFromAnotherThreadStreamsTheFragmentWithWorkingLinks() throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/app/stream"))
			.header("Datastar-Request", "true")
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.body()).isEqualTo("event: datastar-patch-elements\n"
				+ expectedList().lines().map((line) -> "data: elements " + line + "\n").collect(Collectors.joining())
				+ "\n");
	}

	private String get(String path, String language) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Accept-Language", language)
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response.body();
	}

	static Map<String, Object> model() {
		return Map.of("todos", List.of(new Todo(1, "<script>alert('x')</script>"), new Todo(2, "Milk & eggs")));
	}

	static String expectedList() {
		return """
				<ul id="todos">
				<li id="todo-1"><a href="/app/todos/1">&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</a></li>
				<li id="todo-2"><a href="/app/todos/2">Milk &amp; eggs</a></li>
				</ul>""";
	}

	record Todo(int id, String title) {
	}

	record TodoCounter(int count) {
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

		@Bean
		TodoCounter todoCounter() {
			return new TodoCounter(42);
		}

		@Bean
		FragmentController fragmentController(TemplateRenderer renderer) {
			return new FragmentController(renderer);
		}

	}

	@RestController
	static class FragmentController {

		private final TemplateRenderer renderer;

		FragmentController(TemplateRenderer renderer) {
			this.renderer = renderer;
		}

		@GetMapping(path = "/list", produces = "text/html")
		String list(@RequestParam String where) throws Exception {
			if (where.equals("request")) {
				return this.renderer.render("thymeleaf-fragments :: list", model());
			}
			return CompletableFuture.supplyAsync(() -> this.renderer.render("thymeleaf-fragments :: list", model()),
					executor).get(10, TimeUnit.SECONDS);
		}

		@GetMapping("/stream")
		DatastarEmitter stream() {
			DatastarEmitter emitter = new DatastarEmitter();
			executor.execute(() -> {
				emitter.patchTemplate("thymeleaf-fragments :: list", model());
				emitter.complete();
			});
			return emitter;
		}

		@GetMapping(path = "/greeting", produces = "text/html")
		String greeting() {
			return this.renderer.render("thymeleaf-fragments :: greeting", Map.of("name", "Ada"));
		}

		@GetMapping(path = "/count", produces = "text/html")
		String count() {
			return this.renderer.render("thymeleaf-fragments :: count", Map.of());
		}

		@GetMapping(path = "/query", produces = "text/html")
		String query() {
			return this.renderer.render("thymeleaf-fragments :: query", Map.of());
		}

	}

}
