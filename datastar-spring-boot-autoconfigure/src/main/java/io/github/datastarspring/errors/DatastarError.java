package io.github.datastarspring.errors;

import org.jspecify.annotations.Nullable;

/**
 * An exception of a Datastar request, as the person at the keyboard should hear of it.
 *
 * @param status the HTTP status the error stands for (400, 404, 413, 500, ...), although the
 * answer itself is a 200 so that the client applies it
 * @param message a message safe to show: the detail of a client error, a fixed text for a
 * server error; plain text, escaped by whoever renders it
 * @param signal the signal at fault when the error is about one, else {@code null}
 * @param exception the exception, for logs; never show its message to the user
 */
public record DatastarError(int status, String message, @Nullable String signal, Throwable exception) {

	/** Whether this is a server error (5xx) rather than a problem with the request. */
	public boolean isServerError() {
		return this.status >= 500;
	}

}
