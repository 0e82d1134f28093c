package io.github.datastarspring.sample.todomvc;

/**
 * Where todos live. Every method is safe to call from many threads at once; each change is atomic
 * within its list. Lists exist as soon as they are named: an unknown list is an empty one.
 *
 * <p>The sample ships {@link InMemoryTodoStore} (the default) and {@link JdbcTodoStore} (profile
 * {@code postgres}). Both refuse to grow beyond their {@link TodoLimits}.
 */
public interface TodoStore {

	/** The current state of {@code list}. */
	TodoList find(String list);

	/** Adds an active todo at the end of {@code list}. */
	Todo add(String list, String title) throws TodoLimitException;

	/** Changes the title of a todo. */
	Todo rename(String list, long id, String title) throws TodoNotFoundException;

	/** Flips a todo between active and completed. */
	Todo toggle(String list, long id) throws TodoNotFoundException;

	/** Removes a todo. */
	void delete(String list, long id) throws TodoNotFoundException;

	/**
	 * Completes every todo, or, when all of them are completed already, makes them all active
	 * again: what the "toggle all" checkbox does.
	 */
	void toggleAll(String list);

	/** Removes every completed todo and answers how many there were. */
	int clearCompleted(String list);

}
