package io.github.datastarspring.docs.webflux;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.datastarspring.DatastarSignals;
import io.github.datastarspring.core.DatastarEvent;
import io.github.datastarspring.core.DatastarEvents;
import io.github.datastarspring.core.DatastarRequest;
import io.github.datastarspring.core.DatastarResponse;
import io.github.datastarspring.core.ElementPatchMode;
import io.github.datastarspring.core.PatchElements;
import io.github.datastarspring.webflux.DatastarStream;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The smaller examples of docs/webflux.md. */
@RestController
class WebFluxExamplesController {

	record Query(String text) { }

	record Item(String name) { }

	record Profile(@NotBlank String name) { }

	/** A reactive repository. */
	static class Repository {

		Flux<Item> find(String text) {
			return Flux.just(new Item(text + " one"), new Item(text + " two"));
		}

	}

	private final Repository repository = new Repository();

	final Set<DatastarStream> watchers = ConcurrentHashMap.newKeySet();

	// tag::search[]
	@GetMapping("/search")
	Flux<DatastarEvent> search(@DatastarSignals Query query) {
		return repository.find(query.text())
				.map(item -> DatastarEvents.patchElements("<li>" + item.name() + "</li>", "#results", ElementPatchMode.APPEND));
	}
	// end::search[]

	// tag::signals[]
	@PostMapping("/profile")
	Mono<DatastarResponse> save(@Valid @DatastarSignals Profile profile) {
		return Mono.just(DatastarResponse.of(DatastarEvents.patchSignals(Map.of("saved", profile.name()))));
	}

	@GetMapping("/search-reactive")
	Flux<DatastarEvent> search(@DatastarSignals Mono<Query> query) {   // reactive form works too
		return query.flatMapMany(q -> repository.find(q.text()))
				.map(item -> DatastarEvents.patchElements("<li>" + item.name() + "</li>", "#results", ElementPatchMode.APPEND));
	}

	@GetMapping("/panel")
	DatastarResponse panel(@DatastarSignals(required = false) @Nullable JsonNode signals) {   // null when absent
		return DatastarResponse.of(DatastarEvents.patchSignals(Map.of("hadSignals", signals != null)));
	}
	// end::signals[]

	// tag::request[]
	@GetMapping("/updates")
	DatastarStream updates(DatastarRequest request) {
		boolean fromDatastar = request.datastarRequest();   // Datastar-Request: true
		String lastEventId = request.lastEventId();         // Last-Event-ID of a reconnecting stream, or null
		DatastarStream stream = new DatastarStream();
		stream.patchSignals(Map.of("datastar", fromDatastar, "resumedFrom", String.valueOf(lastEventId)));
		stream.complete();
		return stream;
	}
	// end::request[]

	/** The tour of docs/webflux.md's DatastarStream section, every call once. */
	@GetMapping("/tour")
	DatastarStream tour() {
		String html = "<ul id=\"list\"></ul>";
		List<Map<String, Object>> todos = List.of(Map.of("id", 1, "title", "<b>one</b>"));
		DatastarEvent anyDatastarEvent = DatastarEvents.patchSignals(Map.of("last", true));
		// tag::stream[]
		DatastarStream stream = new DatastarStream();   // or new DatastarStream(timeout), new DatastarStream(sendQueueSize)
		stream.patchElements(html);                      // each returns false when the stream is closed or its queue full
		stream.patchElements(PatchElements.builder().elements(html).selector("#list").mode(ElementPatchMode.APPEND).build());
		stream.patchSignals(Map.of("busy", false));      // JSON text, JsonNode, Map or any object
		stream.removeElements("#toast");
		stream.removeSignals("user.name");
		stream.executeScript("console.log('hi')");
		stream.redirect("/done");
		stream.patchTemplate("todos :: list", Map.of("todos", todos));   // needs a TemplateRenderer (Thymeleaf)
		stream.send(anyDatastarEvent);
		stream.isOpen();
		stream.onClose(() -> watchers.remove(stream));   // once: completed, client gone, timeout or error
		stream.complete();            // ends the response after the queued events
		// end::stream[]
		return stream;
	}

}
