package dev.datastar.spring.sample.todomvc;

import dev.datastar.spring.DatastarClientProperties;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The page: a plain Thymeleaf view. Everything after the first paint arrives on its stream. */
@Controller
class TodoPageController {

	private final TodoStore store;

	// TEMPORARY until the starter's <script ds:client> lands on main.
	private final DatastarClientProperties client;

	TodoPageController(TodoStore store, DatastarClientProperties client) {
		this.store = store;
		this.client = client;
	}

	@GetMapping("/")
	String page(@RequestParam(defaultValue = "default") @ListName String list, Model model) {
		model.addAttribute("list", this.store.find(list));
		model.addAttribute("datastarClientUrl", this.client.url());
		return "todos";
	}

}
