package io.github.datastarspring.sample.todomvc;

/** A command would grow the store beyond its limits (lists, or todos per list); answered with 409. */
public class TodoLimitException extends RuntimeException {

	public TodoLimitException(String message) {
		super(message);
	}

	static TodoLimitException tooManyTodos(String list, int max) {
		return new TodoLimitException("List '" + list + "' is full: it can hold at most " + max + " todos");
	}

	static TodoLimitException tooManyLists(int max) {
		return new TodoLimitException("No room for another list: this server keeps at most " + max + " lists");
	}

}
