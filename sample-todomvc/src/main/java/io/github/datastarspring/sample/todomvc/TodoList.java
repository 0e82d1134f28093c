package io.github.datastarspring.sample.todomvc;

import java.util.List;

/**
 * An immutable snapshot of one named list: what every page of that list shows.
 *
 * @param name the list's name, from {@code ?list=}
 * @param todos the todos in the order they were added
 */
public record TodoList(String name, List<Todo> todos) {

	public TodoList {
		todos = List.copyOf(todos);
	}

	public boolean isEmpty() {
		return this.todos.isEmpty();
	}

	/** How many todos are not completed yet: the "N items left". */
	public long activeCount() {
		return this.todos.stream().filter((todo) -> !todo.completed()).count();
	}

	public long completedCount() {
		return this.todos.size() - activeCount();
	}

	/** Whether the "toggle all" checkbox is checked. */
	public boolean allCompleted() {
		return !isEmpty() && activeCount() == 0;
	}

}
