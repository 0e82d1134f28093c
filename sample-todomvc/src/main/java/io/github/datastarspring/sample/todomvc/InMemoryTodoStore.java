package io.github.datastarspring.sample.todomvc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Keeps every list in memory until the application stops: nothing to install. Each list is
 * guarded by its own lock, so different lists never wait for each other.
 */
public class InMemoryTodoStore implements TodoStore {

	private final Map<String, Entries> lists = new ConcurrentHashMap<>();

	private final TodoLimits limits;

	public InMemoryTodoStore(TodoLimits limits) {
		this.limits = limits;
	}

	@Override
	public TodoList find(String list) {
		Entries entries = this.lists.get(list);
		return (entries != null) ? entries.snapshot(list) : new TodoList(list, List.of());
	}

	@Override
	public Todo add(String list, String title) {
		return entries(list).add(list, title, this.limits.maxTodosPerList());
	}

	@Override
	public Todo rename(String list, long id, String title) {
		return existing(list, id).replace(list, id, (todo) -> new Todo(id, title, todo.completed()));
	}

	@Override
	public Todo toggle(String list, long id) {
		return existing(list, id).replace(list, id, (todo) -> new Todo(id, todo.title(), !todo.completed()));
	}

	@Override
	public void delete(String list, long id) {
		if (existing(list, id).removeAll((todo) -> todo.id() == id) == 0) {
			throw new TodoNotFoundException(list, id);
		}
	}

	@Override
	public void toggleAll(String list) {
		Entries entries = this.lists.get(list);
		if (entries != null) {
			entries.toggleAll();
		}
	}

	@Override
	public int clearCompleted(String list) {
		Entries entries = this.lists.get(list);
		return (entries != null) ? entries.removeAll(Todo::completed) : 0;
	}

	/** Only adding creates a list: commands about unknown lists must not fill the map. */
	private Entries entries(String list) {
		Entries entries = this.lists.get(list);
		if (entries != null) {
			return entries;
		}
		synchronized (this.lists) {
			if (!this.lists.containsKey(list) && this.lists.size() >= this.limits.maxLists()) {
				throw TodoLimitException.tooManyLists(this.limits.maxLists());
			}
			return this.lists.computeIfAbsent(list, (name) -> new Entries());
		}
	}

	private Entries existing(String list, long id) {
		Entries entries = this.lists.get(list);
		if (entries == null) {
			throw new TodoNotFoundException(list, id);
		}
		return entries;
	}

	/** The todos of one list; every method holds the list's lock. */
	private static final class Entries {

		private final List<Todo> todos = new ArrayList<>();

		private long lastId;

		synchronized TodoList snapshot(String name) {
			return new TodoList(name, this.todos);
		}

		synchronized Todo add(String list, String title, int max) {
			if (this.todos.size() >= max) {
				throw TodoLimitException.tooManyTodos(list, max);
			}
			Todo todo = new Todo(++this.lastId, title, false);
			this.todos.add(todo);
			return todo;
		}

		synchronized Todo replace(String list, long id, UnaryOperator<Todo> change) {
			for (int i = 0; i < this.todos.size(); i++) {
				if (this.todos.get(i).id() == id) {
					Todo changed = change.apply(this.todos.get(i));
					this.todos.set(i, changed);
					return changed;
				}
			}
			throw new TodoNotFoundException(list, id);
		}

		synchronized int removeAll(Predicate<Todo> filter) {
			int before = this.todos.size();
			this.todos.removeIf(filter);
			return before - this.todos.size();
		}

		synchronized void toggleAll() {
			boolean complete = this.todos.stream().anyMatch((todo) -> !todo.completed());
			this.todos.replaceAll((todo) -> new Todo(todo.id(), todo.title(), complete));
		}

	}

}
