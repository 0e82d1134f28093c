package dev.datastar.spring.sample.todomvc;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The commands of one list. Each changes the store through {@link TodoUpdates}, which renders
 * the list once and sends it to every page showing it, the caller's included.
 */
@RestController
@RequestMapping("/lists/{list}/todos")
class TodoController {

	private final TodoStore store;

	private final TodoUpdates updates;

	TodoController(TodoStore store, TodoUpdates updates) {
		this.store = store;
		this.updates = updates;
	}

	private static final String TOO_LONG = "a title can have at most {max} characters";

	/** What the new-todo input holds. */
	record NewTodo(@Size(max = Todo.MAX_TITLE_LENGTH, message = TOO_LONG) String title) {
	}

	/** What the edit input of the todo being edited holds. */
	record EditedTodo(@Size(max = Todo.MAX_TITLE_LENGTH, message = TOO_LONG) String draft) {
	}

	@PostMapping
	ResponseEntity<Void> add(@PathVariable @ListName String list, @RequestBody @Valid NewTodo signals) {
		String title = trimmed(signals.title());
		if (!title.isEmpty()) {
			this.updates.apply(list, () -> this.store.add(list, title));
		}
		return ResponseEntity.noContent().build();
	}

	@PutMapping("/{id}")
	ResponseEntity<Void> edit(@PathVariable @ListName String list, @PathVariable long id, @RequestBody @Valid EditedTodo signals) {
		String title = trimmed(signals.draft());
		this.updates.apply(list, () -> {
			if (title.isEmpty()) {
				this.store.delete(list, id);
			}
			else {
				this.store.rename(list, id, title);
			}
		});
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/{id}/toggle")
	ResponseEntity<Void> toggle(@PathVariable @ListName String list, @PathVariable long id) {
		this.updates.apply(list, () -> this.store.toggle(list, id));
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable @ListName String list, @PathVariable long id) {
		this.updates.apply(list, () -> this.store.delete(list, id));
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/toggle-all")
	ResponseEntity<Void> toggleAll(@PathVariable @ListName String list) {
		this.updates.apply(list, () -> this.store.toggleAll(list));
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping("/completed")
	ResponseEntity<Void> clearCompleted(@PathVariable @ListName String list) {
		this.updates.apply(list, () -> this.store.clearCompleted(list));
		return ResponseEntity.noContent().build();
	}

	private static String trimmed(String title) {
		return (title != null) ? title.strip() : "";
	}

}
