package io.github.datastarspring.sample.todomvc;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keeps lists in a database through Spring's {@link JdbcClient} (tables: {@code todomvc-schema.sql}).
 * Changes made through {@link TodoUpdates} run in the transaction of the list's topic, which also
 * appends the rendered list to the shared event log: both commit together, in the same order on
 * every instance.
 */
public class JdbcTodoStore implements TodoStore {

	private final JdbcClient jdbc;

	private final TodoLimits limits;

	public JdbcTodoStore(JdbcClient jdbc, TodoLimits limits) {
		this.jdbc = jdbc;
		this.limits = limits;
	}

	@Override
	public TodoList find(String list) {
		List<Todo> todos = this.jdbc.sql("SELECT id, title, completed FROM todo WHERE list = ? ORDER BY id")
			.param(list)
			.query((rs, row) -> new Todo(rs.getLong(1), rs.getString(2), rs.getBoolean(3)))
			.list();
		return new TodoList(list, todos);
	}

	@Override
	public Todo add(String list, String title) {
		// Only adding creates a list; the cap is checked against the lists that exist now.
		this.jdbc.sql("""
				INSERT INTO todo_list (name) SELECT ? WHERE (SELECT count(*) FROM todo_list) < ?
				ON CONFLICT DO NOTHING""").param(list).param(this.limits.maxLists()).update();
		// Locks the list's row: adds to one list are numbered and counted one at a time.
		Long id = this.jdbc.sql("UPDATE todo_list SET last_id = last_id + 1 WHERE name = ? RETURNING last_id")
			.param(list)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> TodoLimitException.tooManyLists(this.limits.maxLists()));
		int count = this.jdbc.sql("SELECT count(*) FROM todo WHERE list = ?").param(list).query(Integer.class).single();
		if (count >= this.limits.maxTodosPerList()) {
			throw TodoLimitException.tooManyTodos(list, this.limits.maxTodosPerList());
		}
		this.jdbc.sql("INSERT INTO todo (list, id, title) VALUES (?, ?, ?)").param(list).param(id).param(title).update();
		return new Todo(id, title, false);
	}

	@Override
	public Todo rename(String list, long id, String title) {
		return change(list, id, "title = ?", title);
	}

	@Override
	public Todo toggle(String list, long id) {
		return change(list, id, "completed = NOT completed");
	}

	private Todo change(String list, long id, String assignment, Object... values) {
		var statement = this.jdbc.sql("UPDATE todo SET " + assignment + " WHERE list = ? AND id = ? RETURNING id, title, completed");
		for (Object value : values) {
			statement = statement.param(value);
		}
		return statement.param(list)
			.param(id)
			.query((rs, row) -> new Todo(rs.getLong(1), rs.getString(2), rs.getBoolean(3)))
			.optional()
			.orElseThrow(() -> new TodoNotFoundException(list, id));
	}

	@Override
	public void delete(String list, long id) {
		if (this.jdbc.sql("DELETE FROM todo WHERE list = ? AND id = ?").param(list).param(id).update() == 0) {
			throw new TodoNotFoundException(list, id);
		}
	}

	@Override
	public void toggleAll(String list) {
		this.jdbc.sql("""
				UPDATE todo SET completed = EXISTS (SELECT 1 FROM todo WHERE list = :list AND NOT completed)
				WHERE list = :list""").param("list", list).update();
	}

	@Override
	public int clearCompleted(String list) {
		return this.jdbc.sql("DELETE FROM todo WHERE list = ? AND completed").param(list).update();
	}

}
