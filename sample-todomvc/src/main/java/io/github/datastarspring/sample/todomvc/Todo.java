package io.github.datastarspring.sample.todomvc;

/**
 * One todo, as stored and rendered.
 *
 * @param id unique within its list, never reused
 * @param title trimmed, never blank, plain text (the template escapes it)
 * @param completed whether it is done
 */
public record Todo(long id, String title, boolean completed) {

	/** The longest title a todo may have, in characters. */
	public static final int MAX_TITLE_LENGTH = 500;

}
