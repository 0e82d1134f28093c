package io.github.datastarspring.sample.todomvc;

import java.util.Map;

import io.github.datastarspring.DatastarSignals;
import io.github.datastarspring.core.DatastarEvents;
import io.github.datastarspring.core.DatastarResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The commands of one list: short requests carrying the page's signals. Each changes the store
 * through {@link TodoUpdates}, which renders the list once and sends it to every page showing it,
 * the caller's included; the answer itself only resets the caller's input.
 */
@RestController
@RequestMapping("/lists/{list}/todos")
class TodoController {

	private static final String TOO_LONG = "a title can have at most {max} characters";

	private final TodoStore store;

	private final TodoUpdates updates;

	TodoController(TodoStore store, TodoUpdates updates) {
		this.store = store;
		this.updates = updates;
	}

	/** What the new-todo input holds. */
	record NewTodo(@Size(max = Todo.MAX_TITLE_LENGTH, message = TOO_LONG) String title) {
	}

	/** What the edit input of the todo being edited holds. */
	record EditedTodo(@Size(max = Todo.MAX_TITLE_LENGTH, message = TOO_LONG) String draft) {
	}

	/**
	 * Adds a todo. The page clears its input when it sends the request, not when the answer
	 * comes, so that what is typed meanwhile is kept: the answer has nothing to say.
	 */
	// tag::add[]
	@PostMapping
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void add(@PathVariable @ListName String list, @DatastarSignals @Valid NewTodo signals) {
		String title = trimmed(signals.title());
		if (!title.isEmpty()) {
			this.updates.apply(list, () -> this.store.add(list, title));
		}
	}
	// end::add[]

	/** Saves the edited title; an emptied title deletes the todo, as TodoMVC says. */
	@PutMapping("/{id}")
	DatastarResponse edit(@PathVariable @ListName String list, @PathVariable long id,
			@DatastarSignals @Valid EditedTodo signals) {
		String title = trimmed(signals.draft());
		this.updates.apply(list, () -> {
			if (title.isEmpty()) {
				this.store.delete(list, id);
			}
			else {
				this.store.rename(list, id, title);
			}
		});
		return DatastarResponse.of(DatastarEvents.patchSignals(Map.of("_editing", 0)));
	}

	@PostMapping("/{id}/toggle")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void toggle(@PathVariable @ListName String list, @PathVariable long id) {
		this.updates.apply(list, () -> this.store.toggle(list, id));
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable @ListName String list, @PathVariable long id) {
		this.updates.apply(list, () -> this.store.delete(list, id));
	}

	@PostMapping("/toggle-all")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void toggleAll(@PathVariable @ListName String list) {
		this.updates.apply(list, () -> this.store.toggleAll(list));
	}

	@DeleteMapping("/completed")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void clearCompleted(@PathVariable @ListName String list) {
		this.updates.apply(list, () -> this.store.clearCompleted(list));
	}

	private static String trimmed(String title) {
		return (title != null) ? title.strip() : "";
	}

}
