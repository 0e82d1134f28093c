package io.github.datastarspring.errors;

import java.util.Map;

import io.github.datastarspring.DatastarSignals;
import io.github.datastarspring.core.DatastarEvents;
import io.github.datastarspring.core.DatastarResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.HtmlUtils;

/** One application for both stacks: only annotations Spring MVC and WebFlux share. */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import({ ErrorsTestApplication.TodoController.class, ErrorsTestApplication.PageController.class,
		ErrorsTestApplication.Advice.class })
public class ErrorsTestApplication {

	record NewTodo(@Size(max = 10, message = "must be at most 10 characters") String title) {
	}

	/** Handled by the application's own advice, which answers with Datastar events. */
	static class QuotaExceededException extends RuntimeException {

		QuotaExceededException(String message) {
			super(message);
		}

	}

	@RestController
	static class TodoController {

		@PostMapping("/todos")
		DatastarResponse add(@DatastarSignals @Valid NewTodo todo) {
			return DatastarResponse.of(
					DatastarEvents.patchElements("<p id=\"saved\">" + HtmlUtils.htmlEscape("added " + todo.title()) + "</p>"));
		}

		@GetMapping("/todos")
		String list(@DatastarSignals NewTodo todo) {
			return "listed " + todo.title();
		}

		@PostMapping("/crash")
		String crash() {
			throw new IllegalStateException("database password is <secret>");
		}

		@PostMapping("/missing")
		String missing() {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "That todo was deleted: <b>milk</b>");
		}

		@PostMapping("/quota")
		String quota() {
			throw new QuotaExceededException("You have 3 todos, the limit");
		}

	}

	/** The page of the browser test; its signals come from the model through {@code ds:signals}. */
	@Controller
	static class PageController {

		@GetMapping("/")
		String page(Model model) {
			model.addAttribute("form", Map.of("title", HOSTILE_TITLE));
			return "errors-page";
		}

	}

	/** Too long to be valid, and written to break out of the attribute, the script or the client's rewriting. */
	static final String HOSTILE_TITLE = "\"></div><script>window.pwned=1</script> @post('/crash') $x";

	// tag::advice[]
	@RestControllerAdvice
	static class Advice {

		@ExceptionHandler
		DatastarResponse quota(QuotaExceededException ex) {
			return DatastarResponse.of(DatastarEvents.patchSignals(Map.of("quota", ex.getMessage())));
		}

	}
	// end::advice[]

}
