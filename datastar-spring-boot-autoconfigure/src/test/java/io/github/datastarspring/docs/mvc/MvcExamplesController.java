package io.github.datastarspring.docs.mvc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.datastarspring.DatastarSignals;
import io.github.datastarspring.core.DatastarEvent;
import io.github.datastarspring.core.DatastarEvents;
import io.github.datastarspring.core.DatastarResponse;
import io.github.datastarspring.mvc.DatastarEmitter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/** The smaller examples of docs/mvc.md, each one handler. */
@RestController
class MvcExamplesController {

	record SearchSignals(String query) { }

	record NewTodo(@NotBlank String title) { }

	record Filters(String status) { }

	record Draft(String text) { }

	/** Whoever follows the feed. */
	static class Feed {

		final List<DatastarEmitter> followers = new CopyOnWriteArrayList<>();

		void subscribe(DatastarEmitter emitter) {
			this.followers.add(emitter);
			emitter.patchElements("<p id=\"feed\">following</p>");
			emitter.onClose(() -> this.followers.remove(emitter));
		}

	}

	private final Feed feed = new Feed();

	List<DatastarEmitter> emitters() {
		// tag::constructors[]
		DatastarEmitter emitter = new DatastarEmitter();                         // timeout from datastar.sse.timeout; none by default
		DatastarEmitter fiveMinutes = new DatastarEmitter(Duration.ofMinutes(5));
		// end::constructors[]
		return List.of(emitter, fiveMinutes);
	}

	// tag::parameter[]
	@GetMapping("/feed")
	void feed(DatastarEmitter emitter) { feed.subscribe(emitter); }
	// end::parameter[]

	// tag::one-shot[]
	@PostMapping("/save")
	DatastarResponse save(@DatastarSignals Draft draft) {
		String html = "<p id=\"draft\">" + HtmlUtils.htmlEscape(draft.text()) + "</p>";
		return DatastarResponse.of(DatastarEvents.patchElements(html), DatastarEvents.patchSignals(Map.of("saved", true)));
	}

	@DeleteMapping("/todos/{id}")
	DatastarEvent delete(@PathVariable long id) { return DatastarEvents.removeElements("#todo-" + id); }

	@GetMapping("/list")
	List<DatastarEvent> list() {
		List<DatastarEvent> events = new ArrayList<>();
		events.add(DatastarEvents.patchElements("<ul id=\"list\"><li>one</li></ul>"));
		events.add(DatastarEvents.patchSignals(Map.of("size", 1)));
		return events;
	}
	// end::one-shot[]

	// tag::signals[]
	@GetMapping("/search")                     // GET, DELETE: the `datastar` query parameter
	DatastarResponse search(@DatastarSignals SearchSignals signals) {
		return DatastarResponse.of(DatastarEvents.patchSignals(Map.of("searched", signals.query())));
	}

	@PostMapping("/todos")                     // POST, PUT, PATCH: the JSON body
	DatastarResponse add(@DatastarSignals @Valid NewTodo signals) {
		return DatastarResponse.of(DatastarEvents.patchSignals(Map.of("added", signals.title())));
	}

	@PostMapping("/raw")
	DatastarResponse raw(@DatastarSignals JsonNode signals) {   // or Map<String, Object>
		return DatastarResponse.of(DatastarEvents.patchSignals(Map.of("fields", signals.size())));
	}

	@GetMapping("/page")
	String page(@DatastarSignals(required = false) @Nullable Filters filters) {  // null when absent; Optional<T> works too
		return (filters != null) ? filters.status() : "all";
	}
	// end::signals[]

	@GetMapping("/page-optional")
	String pageOptional(@DatastarSignals Optional<Filters> filters) {
		return filters.map(Filters::status).orElse("all");
	}

}
