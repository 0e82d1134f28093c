package io.github.datastarspring.mvc;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The signals of a request could not be read: missing (400), not valid JSON or not of the
 * parameter's type (400), or larger than {@code datastar.signals.max-size} (413). The
 * {@link #getBody() problem detail} names the signal at fault, and the starter writes it as the
 * response body.
 */
public class DatastarSignalsException extends ErrorResponseException {

	private final String signal;

	public DatastarSignalsException(HttpStatus status, String detail, String signal, Throwable cause) {
		super(status, problem(status, detail, signal), cause);
		this.signal = signal;
	}

	private static ProblemDetail problem(HttpStatus status, String detail, String signal) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		if (signal != null) {
			problem.setProperty("signal", signal);
		}
		return problem;
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
