package io.github.datastarspring.sample.todomvc;

/** A command named a todo that is not (or no longer) in its list; answered with 404. */
public class TodoNotFoundException extends RuntimeException {

	public TodoNotFoundException(String list, long id) {
		super("No todo " + id + " in list '" + list + "'");
	}

}
