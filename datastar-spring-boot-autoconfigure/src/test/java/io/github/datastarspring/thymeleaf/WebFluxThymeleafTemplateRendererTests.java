package io.github.datastarspring.thymeleaf;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.github.datastarspring.core.TemplateRenderer;
import io.github.datastarspring.webflux.DatastarStream;
import org.junit.jupiter.api.Test;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.spring6.SpringWebFluxTemplateEngine;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import static io.github.datastarspring.thymeleaf.WebMvcThymeleafTemplateRendererTests.expectedList;
import static io.github.datastarspring.thymeleaf.WebMvcThymeleafTemplateRendererTests.model;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fragments rendered by a real WebFlux server with a base path, on the event loop and on
 * {@code boundedElastic} threads, with the reactive template engine.
 */
@SpringBootTest(classes = WebFluxThymeleafTemplateRendererTests.App.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "spring.webflux.base-path=/app",
				"spring.messages.basename=datastar-thymeleaf/messages",
				"spring.messages.fallback-to-system-locale=false", "datastar.client.url=/datastar.js" })
class WebFluxThymeleafTemplateRendererTests {

	@LocalServerPort
	int port;

	@Autowired
	TemplateRenderer renderer;

	@Autowired
	ITemplateEngine engine;

	@Test
	void rendersWithTheReactiveEngine() {
		assertThat(this.engine).isInstanceOf(SpringWebFluxTemplateEngine.class);
		assertThat(this.renderer).isExactlyInstanceOf(ThymeleafTemplateRenderer.class);
	}

	@Test
	void inAHandlerLinksGetTheBasePathAndValuesAreEscaped() throws Exception {
		assertThat(get("/app/list", "en")).isEqualTo(expectedList());
	}

	@Test
	void onBoundedElasticDuringARequestLinksStillResolve() throws Exception {
		assertThat(get("/app/list-elastic", "en")).isEqualTo(expectedList());
	}

	@Test
	void onBoundedElasticWithoutAnyRequest() {
		String html = Mono.fromCallable(() -> this.renderer.render("thymeleaf-fragments :: list", model()))
			.subscribeOn(Schedulers.boundedElastic())
			.block(Duration.ofSeconds(10));
		assertThat(html).isEqualTo(expectedList());
	}

	@Test
	void messagesUseTheLocaleGiven() throws Exception {
		assertThat(get("/app/greeting", "fr")).isEqualTo("<p id=\"greeting\">Bonjour, Ada !</p>");
		assertThat(get("/app/greeting", "en")).isEqualTo("<p id=\"greeting\">Hello, Ada!</p>");
	}

	@Test
	void beanReferencesResolveOffTheRequest() {
		String html = Mono.fromCallable(() -> this.renderer.render("thymeleaf-fragments :: count", Map.of()))
			.subscribeOn(Schedulers.boundedElastic())
			.block(Duration.ofSeconds(10));
		assertThat(html).isEqualTo("<p id=\"count\">42</p>");
	}

	@Test
	void clientScriptTagWithAContextRelativeUrlGetsTheBasePath() {
		String html = Mono.fromCallable(() -> this.renderer.render("thymeleaf-client", Map.of()))
			.subscribeOn(Schedulers.boundedElastic())
			.block(Duration.ofSeconds(10));
		assertThat(html).isEqualToIgnoringNewLines("<script type=\"module\" src=\"/app/datastar.js\"></script>");
	}

	@Test
	void patchTemplateFromBoundedElasticStreamsTheFragmentWithWorkingLinks() throws Exception {
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
			return new FragmentController((ThymeleafTemplateRenderer) renderer);
		}

	}

	@RestController
	static class FragmentController {

		private final ThymeleafTemplateRenderer renderer;

		FragmentController(ThymeleafTemplateRenderer renderer) {
			this.renderer = renderer;
		}

		@GetMapping(path = "/list", produces = "text/html")
		String list() {
			return this.renderer.render("thymeleaf-fragments :: list", model());
		}

		@GetMapping(path = "/list-elastic", produces = "text/html")
		Mono<String> listElastic() {
			return Mono.fromCallable(() -> this.renderer.render("thymeleaf-fragments :: list", model()))
				.subscribeOn(Schedulers.boundedElastic());
		}

		@GetMapping("/stream")
		DatastarStream stream() {
			DatastarStream stream = new DatastarStream();
			Schedulers.boundedElastic().schedule(() -> {
				stream.patchTemplate("thymeleaf-fragments :: list", model());
				stream.complete();
			});
			return stream;
		}

		@GetMapping(path = "/greeting", produces = "text/html")
		Mono<String> greeting(ServerWebExchange exchange) {
			Locale locale = exchange.getLocaleContext().getLocale();
			return Mono.fromCallable(() -> this.renderer.render("thymeleaf-fragments :: greeting",
					Map.of("name", "Ada"), locale))
				.subscribeOn(Schedulers.boundedElastic());
		}

	}

}
