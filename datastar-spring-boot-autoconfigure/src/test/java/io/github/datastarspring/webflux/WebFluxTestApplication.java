package io.github.datastarspring.webflux;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import io.github.datastarspring.DatastarSignals;
import io.github.datastarspring.core.DatastarEvent;
import io.github.datastarspring.core.DatastarEvents;
import io.github.datastarspring.core.DatastarRequest;
import io.github.datastarspring.core.DatastarResponse;
import io.github.datastarspring.core.ElementPatchMode;
import io.github.datastarspring.core.ExecuteScript;
import io.github.datastarspring.core.PatchElements;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** A WebFlux application with one controller per feature, shared by the WebFlux tests. */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
class WebFluxTestApplication {

	/** The events every stack must write identically. */
	static List<ServerSentEvent<String>> ticksEvents() {
		return List.of(ServerSentEvent.<String>builder("one\ntwo").id("7").event("tick").retry(Duration.ofSeconds(5)).build(),
				ServerSentEvent.<String>builder().comment("just a comment").build(),
				ServerSentEvent.<String>builder("three").build());
	}

	static List<DatastarEvent> sampleEvents() {
		return List.of(
				PatchElements.builder().elements("<div id=\"a\">\n  <pre>  kept  </pre>\n</div>").eventId("1")
					.retry(Duration.ofSeconds(2)).build(),
				DatastarEvents.patchElements("<li>x</li>", "#list", ElementPatchMode.APPEND),
				DatastarEvents.patchSignals(Map.of("count", 1)),
				DatastarEvents.patchSignalsIfMissing("{\"a\":\n{\"b\":1}}"),
				DatastarEvents.removeElements("#gone"),
				DatastarEvents.removeSignals("user.name", "busy"),
				ExecuteScript.builder().script("console.log('ü')").attribute("type", "module").build(),
				DatastarEvents.redirect("/next?a=1&b=\"2\""));
	}

	/** Plain {@code @Controller}, no {@code @ResponseBody}: the Datastar result handler writes these. */
	@Controller
	static class EventsController {

		static final CompletableFuture<Void> endlessCancelled = new CompletableFuture<>();

		static final AtomicReference<CompletableFuture<DatastarStream>> streams = new AtomicReference<>(new CompletableFuture<>());

		@GetMapping("/flux")
		Flux<DatastarEvent> flux() {
			return Flux.fromIterable(sampleEvents());
		}

		@GetMapping("/response")
		Mono<DatastarResponse> response() {
			return Mono.just(DatastarResponse.of(sampleEvents()));
		}

		@GetMapping("/list")
		List<DatastarEvent> list() {
			return sampleEvents();
		}

		@GetMapping("/stream-all")
		DatastarStream streamAll() {
			DatastarStream stream = new DatastarStream();
			sampleEvents().forEach(stream::send);
			stream.complete();
			return stream;
		}

		@GetMapping("/one")
		DatastarEvent one() {
			return DatastarEvents.patchElements("<p id=\"one\">1</p>");
		}

		@GetMapping("/endless")
		Flux<DatastarEvent> endless() {
			return Flux.interval(Duration.ofMillis(20))
				.map(n -> (DatastarEvent) DatastarEvents.patchElements("<p id=\"n\">" + n + "</p>"))
				.doOnCancel(() -> endlessCancelled.complete(null));
		}

		static final AtomicReference<CompletableFuture<DatastarEvent>> late = new AtomicReference<>(new CompletableFuture<>());

		@GetMapping("/late")
		Flux<DatastarEvent> late() {
			return Mono.fromFuture(late.get()).flux();
		}

		@PostMapping("/signals/events-mono")
		Mono<DatastarResponse> eventsMono(@Valid @DatastarSignals Mono<Person> person) {
			return person.map(p -> DatastarResponse.of(DatastarEvents.patchSignals(Map.of("name", p.name()))));
		}

		@PostMapping("/signals/events-flux")
		Flux<DatastarEvent> eventsFlux(@DatastarSignals Mono<Person> person) {
			return person.flatMapMany(p -> Flux.just(DatastarEvents.patchSignals(Map.of("name", p.name()))));
		}

		@GetMapping("/stream")
		DatastarStream stream() {
			DatastarStream stream = new DatastarStream();
			stream.patchElements("<p id=\"hello\">before return</p>");
			streams.get().complete(stream);
			return stream;
		}

	}

	@RestController
	static class BodyController {

		@GetMapping("/entity")
		org.springframework.http.ResponseEntity<Flux<DatastarEvent>> entity() {
			return org.springframework.http.ResponseEntity.ok().header("X-Extra", "1").body(Flux.fromIterable(sampleEvents()));
		}

		@GetMapping("/mono-stream")
		Mono<DatastarStream> monoStream() {
			DatastarStream stream = new DatastarStream();
			stream.patchElements("<p id=\"m\">m</p>");
			stream.complete();
			return Mono.just(stream);
		}

	}

	@org.springframework.context.annotation.Bean
	org.springframework.web.reactive.function.server.RouterFunction<org.springframework.web.reactive.function.server.ServerResponse> functionalRoutes() {
		return org.springframework.web.reactive.function.server.RouterFunctions.route()
			.GET("/functional", request -> org.springframework.web.reactive.function.server.ServerResponse.ok()
				.body(Flux.fromIterable(sampleEvents()), DatastarEvent.class))
			.build();
	}

	@RestController
	static class ServerSentEventsController {

		private final DatastarServerSentEvents sse;

		ServerSentEventsController(DatastarServerSentEvents sse) {
			this.sse = sse;
		}

		@GetMapping("/sse")
		Flux<ServerSentEvent<String>> sse() {
			return this.sse.from(Flux.fromIterable(sampleEvents()));
		}

		/** An application's own event stream, for an {@code EventSource}: nothing to do with Datastar. */
		@GetMapping("/ticks")
		Flux<ServerSentEvent<String>> ticks() {
			return Flux.fromIterable(ticksEvents());
		}

		@GetMapping("/sse-builder")
		Flux<ServerSentEvent<String>> builder() {
			return this.sse.builder().patchElements("<p id=\"b\">built</p>").patchSignals("{\"x\":1}").build();
		}

	}

	record Person(@NotBlank String name, @Min(0) int age) {
	}

	@RestController
	static class SignalsController {

		@GetMapping("/signals")
		String get(@DatastarSignals Person person) {
			return person.name() + "/" + person.age();
		}

		@DeleteMapping("/signals")
		String delete(@DatastarSignals Person person) {
			return "deleted " + person.name();
		}

		@PostMapping("/signals")
		String post(@Valid @DatastarSignals Person person) {
			return person.name() + "/" + person.age();
		}

		@PostMapping("/signals/map")
		String map(@DatastarSignals Map<String, Object> signals) {
			return signals.toString();
		}

		@PostMapping("/signals/node")
		String node(@DatastarSignals JsonNode signals) {
			return signals.path("user").path("name").asString();
		}

		@PostMapping("/signals/mono")
		Mono<String> mono(@Valid @DatastarSignals Mono<Person> person) {
			return person.map(p -> "mono " + p.name());
		}

		@GetMapping("/signals/optional")
		String optional(@DatastarSignals(required = false) Person person) {
			return String.valueOf(person);
		}

		@GetMapping("/signals/java-optional")
		String javaOptional(@DatastarSignals java.util.Optional<Person> person) {
			return person.map(Person::name).orElse("none");
		}

		@GetMapping("/request")
		String request(DatastarRequest request) {
			return request.datastarRequest() + " " + request.lastEventId();
		}

	}

}
