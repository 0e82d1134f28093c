package io.github.datastarspring.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The signals of a request could not be read: missing, not valid UTF-8 or JSON, not of the
 * parameter's type, invalid ({@code @Valid}) (status 400), or larger than
 * {@code datastar.signals.max-size} (413). The same type on Spring MVC and WebFlux. The message
 * says what is wrong in words the person at the keyboard can act on, and {@link #getSignal()}
 * names the signal at fault.
 */
public class DatastarSignalsException extends RuntimeException {

	private final int status;

	private final @Nullable String signal;

	private final List<SignalError> errors;

	public DatastarSignalsException(int status, String message, @Nullable String signal, List<SignalError> errors,
			@Nullable Throwable cause) {
		super(message, cause);
		this.status = status;
		this.signal = signal;
		this.errors = List.copyOf(errors);
	}

	/** The HTTP status of the answer: 400 or 413. */
	public int getStatus() {
		return this.status;
	}

	/** The dotted path of the signal at fault ({@code todo.title}, {@code items[2]}), or {@code null}. */
	public @Nullable String getSignal() {
		return this.signal;
	}

	/** One entry per validation failure; empty for other failures. */
	public List<SignalError> getErrors() {
		return this.errors;
	}

	/**
	 * The RFC 9457 problem details of this failure, as written for callers that are not the
	 * Datastar client: {@code type}, {@code title}, {@code status}, {@code detail},
	 * {@code instance}, and {@code signal} and {@code errors} when known.
	 */
	public Map<String, Object> problem(String instance) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "about:blank");
		body.put("title", (this.status == 413) ? "Content Too Large" : "Bad Request");
		body.put("status", this.status);
		body.put("detail", getMessage());
		body.put("instance", instance);
		if (this.signal != null) {
			body.put("signal", this.signal);
		}
		if (!this.errors.isEmpty()) {
			body.put("errors", this.errors.stream().map(SignalError::toMap).toList());
		}
		return body;
	}

	/**
	 * One validation failure.
	 *
	 * @param signal the signal at fault, or {@code null} for an error of the whole object
	 * @param message what is wrong with it
	 */
	public record SignalError(@Nullable String signal, String message) {

		Map<String, String> toMap() {
			Map<String, String> map = new LinkedHashMap<>();
			if (this.signal != null) {
				map.put("signal", this.signal);
			}
			map.put("message", this.message);
			return map;
		}

	}

}
