package io.github.datastarspring.docs.thymeleaf;

import java.util.List;
import java.util.Map;

import io.github.datastarspring.core.PatchElements;
import io.github.datastarspring.core.TemplateRenderer;
import io.github.datastarspring.mvc.DatastarEmitter;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** docs/thymeleaf.md's fragments into events. */
@Controller
class TodoStreamController {

	private final TemplateRenderer renderer;

	private final TodoRepository repository = () -> List.of(new Todo(1, "Write docs"), new Todo(2, "<b>Ship</b> it"));

	TodoStreamController(TemplateRenderer renderer) {
		this.renderer = renderer;
	}

	@GetMapping("/client")
	String page() {
		return "docs-client";
	}

	// tag::stream[]
	@GetMapping("/todos/stream")
	DatastarEmitter todos() {
		DatastarEmitter emitter = new DatastarEmitter();
		emitter.patchTemplate("todos :: list", Map.of("todos", repository.findAll()));
		return emitter;
	}
	// end::stream[]

	List<Object> renderBothWays(Map<String, ?> model) {
		// tag::renderer[]
		String html = renderer.render("todos :: list", model);           // just the HTML
		PatchElements event = renderer.patchElements("todos :: list", model);
		// end::renderer[]
		return List.of(html, event);
	}

	interface TodoRepository {

		List<Todo> findAll();

	}

}
