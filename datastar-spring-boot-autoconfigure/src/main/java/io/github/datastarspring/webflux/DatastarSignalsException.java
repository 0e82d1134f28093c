package io.github.datastarspring.webflux;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Signals that could not be read: 400 (missing, not valid JSON, wrong type, invalid) or 413
 * (larger than {@code datastar.signals.max-size}). Its {@code ProblemDetail} says what is wrong
 * and names the signal at fault ({@code signal}); validation failures list {@code errors}
 * ({@code signal}, {@code message}). The same answers as on Spring MVC.
 */
public class DatastarSignalsException extends ResponseStatusException {

	private final String signal;

	public DatastarSignalsException(HttpStatus status, String detail) {
		this(status, detail, null, List.of(), null);
	}

	public DatastarSignalsException(HttpStatus status, String detail, String signal, List<Map<String, String>> errors,
			Throwable cause) {
		super(status, detail, cause);
		this.signal = signal;
		getBody().setDetail(detail);
		if (signal != null) {
			getBody().setProperty("signal", signal);
		}
		if (!errors.isEmpty()) {
			getBody().setProperty("errors", List.copyOf(errors));
		}
	}

	/** The dotted path of the signal at fault ({@code todo.title}, {@code items[2]}), or {@code null}. */
	public String getSignal() {
		return this.signal;
	}

	@Override
	public String getMessage() {
		return getBody().getDetail();
	}

}
