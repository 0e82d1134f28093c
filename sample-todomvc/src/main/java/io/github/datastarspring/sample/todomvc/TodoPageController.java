package io.github.datastarspring.sample.todomvc;

import io.github.datastarspring.core.DatastarRequest;
import io.github.datastarspring.mvc.DatastarEmitter;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The page, and the stream that keeps it up to date. */
@Controller
class TodoPageController {

	private final TodoStore store;

	private final TodoUpdates updates;

	TodoPageController(TodoStore store, TodoUpdates updates) {
		this.store = store;
		this.updates = updates;
	}

	/** A plain Thymeleaf view for the first paint. */
	// tag::page[]
	@GetMapping("/")
	String page(@RequestParam(defaultValue = "default") @ListName String list, Model model) {
		model.addAttribute("list", this.store.find(list));
		return "todos";
	}

	/** Opened by the page's {@code data-init}; stays open as long as the page does. */
	@GetMapping("/lists/{list}/updates")
	DatastarEmitter updates(@PathVariable @ListName String list, DatastarRequest request) {
		return this.updates.subscribe(list, request);
	}
	// end::page[]

}
