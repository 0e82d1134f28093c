package io.github.datastarspring.docs.realtime;

import io.github.datastarspring.DatastarSignals;
import io.github.datastarspring.core.DatastarRequest;
import io.github.datastarspring.core.TemplateRenderer;
import io.github.datastarspring.mvc.DatastarEmitter;
import io.github.datastarspring.realtime.DatastarBroadcaster;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

// tag::controller[]
@Controller
class TodoController {

	record NewTodo(@NotBlank String title) {
	}

	private final DatastarBroadcaster broadcaster;

	private final TemplateRenderer renderer;

	private final TodoRepository todos;

	TodoController(DatastarBroadcaster broadcaster, TemplateRenderer renderer, TodoRepository todos) {
		this.broadcaster = broadcaster;
		this.renderer = renderer;
		this.todos = todos;
	}

	// The query: full state on (re)connect, then live changes.
	@GetMapping("/lists/{list}/updates")
	DatastarEmitter updates(@PathVariable String list, DatastarRequest request) {
		return broadcaster.subscribe("todos:" + list, new DatastarEmitter(), request,
				out -> out.send(renderer.patchElements("todos :: app", todos.model(list))));
	}

	// A command: change, then publish the new view. Signals arrive as JSON, not as request parameters.
	@PostMapping("/lists/{list}/todos")
	ResponseEntity<Void> add(@PathVariable String list, @Valid @DatastarSignals NewTodo signals) {
		broadcaster.update("todos:" + list, () -> {
			todos.add(list, signals.title());
			return renderer.patchElements("todos :: app", todos.model(list));
		});
		return ResponseEntity.noContent().build();
	}

}
// end::controller[]
