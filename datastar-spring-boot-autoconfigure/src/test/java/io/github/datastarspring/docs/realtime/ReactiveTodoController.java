package io.github.datastarspring.docs.realtime;

import io.github.datastarspring.core.DatastarRequest;
import io.github.datastarspring.core.TemplateRenderer;
import io.github.datastarspring.realtime.DatastarBroadcaster;
import io.github.datastarspring.webflux.DatastarStream;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** docs/realtime.md's WebFlux query, the same calls on a {@link DatastarStream}. */
@RestController
class ReactiveTodoController {

	private final DatastarBroadcaster broadcaster;

	private final TemplateRenderer renderer;

	private final TodoRepository todos;

	ReactiveTodoController(DatastarBroadcaster broadcaster, TemplateRenderer renderer, TodoRepository todos) {
		this.broadcaster = broadcaster;
		this.renderer = renderer;
		this.todos = todos;
	}

	// tag::updates[]
	@GetMapping("/lists/{list}/updates")
	DatastarStream updates(@PathVariable String list, DatastarRequest request) {
		return broadcaster.subscribe("todos:" + list, new DatastarStream(), request,
				out -> out.send(renderer.patchElements("todos :: app", todos.model(list))));
	}
	// end::updates[]

}
