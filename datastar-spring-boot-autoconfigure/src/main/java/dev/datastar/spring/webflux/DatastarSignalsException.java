package dev.datastar.spring.webflux;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Signals that could not be read: 400 (missing, malformed, wrong type, invalid) or 413 (too
 * large). The detail of its {@code ProblemDetail} says what is wrong, naming the field; validation
 * failures also list {@code errors} ({@code field}, {@code message}).
 */
public class DatastarSignalsException extends ResponseStatusException {

	private final List<Map<String, String>> fieldErrors;

	public DatastarSignalsException(HttpStatus status, String detail) {
		this(status, detail, List.of(), null);
	}

	public DatastarSignalsException(HttpStatus status, String detail, List<Map<String, String>> fieldErrors,
			Throwable cause) {
		super(status, detail, cause);
		this.fieldErrors = List.copyOf(fieldErrors);
		getBody().setDetail(detail);
		if (!this.fieldErrors.isEmpty()) {
			getBody().setProperty("errors", this.fieldErrors);
		}
	}

	/** The validation errors, each with {@code field} and {@code message}; empty for other failures. */
	public List<Map<String, String>> getFieldErrors() {
		return this.fieldErrors;
	}

}
