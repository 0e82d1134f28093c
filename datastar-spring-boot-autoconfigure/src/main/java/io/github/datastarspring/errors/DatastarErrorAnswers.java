package io.github.datastarspring.errors;

import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.datastarspring.DatastarErrorsProperties;
import io.github.datastarspring.core.DatastarEvent;
import io.github.datastarspring.core.DatastarEventEncoder;
import io.github.datastarspring.core.DatastarSignalsException;
import io.github.datastarspring.core.DatastarSignalsReader;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.validation.BindingResult;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * What both stacks answer when a request fails: for a Datastar request the encoded events of the
 * {@link DatastarErrorRenderer}, for other callers the problem details of a
 * {@link DatastarSignalsException} (other exceptions keep Spring's handling). The Spring MVC
 * resolver and the WebFlux handler only write these bytes; infrastructure, not for application code.
 */
public final class DatastarErrorAnswers {

	/** Response header carrying the status the error stands for, since the answer itself is a 200. */
	public static final String ERROR_STATUS_HEADER = "Datastar-Error-Status";

	private static final Log logger = LogFactory.getLog(DatastarErrorAnswers.class);

	private final DatastarErrorRenderer renderer;

	private final DatastarEventEncoder encoder;

	private final DatastarErrorsProperties properties;

	private final JsonMapper jsonMapper;

	public DatastarErrorAnswers(DatastarErrorRenderer renderer, DatastarEventEncoder encoder,
			DatastarErrorsProperties properties, JsonMapper jsonMapper) {
		this.renderer = renderer;
		this.encoder = encoder;
		this.properties = properties;
		this.jsonMapper = jsonMapper;
	}

	/** Whether a request with this {@code Datastar-Request} header value gets its errors as events. */
	public boolean answersWithEvents(@Nullable String datastarRequestHeader) {
		return this.properties.enabled() && "true".equalsIgnoreCase(datastarRequestHeader);
	}

	/** The status and a message safe to show, never the message of an unexpected exception. */
	public DatastarError describe(Throwable ex) {
		if (ex instanceof DatastarSignalsException signals) {
			return new DatastarError(signals.getStatus(), signals.getMessage(), signals.getSignal(), ex);
		}
		if (ex instanceof BindingResult binding && binding.hasErrors()) {
			DatastarSignalsException invalid = DatastarSignalsReader.invalid(binding);
			String message = invalid.getMessage().replaceFirst("^Invalid Datastar signals", "Invalid input");
			return new DatastarError(400, message, invalid.getSignal(), ex);
		}
		if (ex instanceof ErrorResponse response) {
			int status = response.getStatusCode().value();
			String detail = response.getBody().getDetail();
			return new DatastarError(status, (detail != null) ? detail : fallback(status), null, ex);
		}
		ResponseStatus annotated = AnnotatedElementUtils.findMergedAnnotation(ex.getClass(), ResponseStatus.class);
		if (annotated != null) {
			int status = annotated.code().value();
			String message = !annotated.reason().isEmpty() ? annotated.reason() : fallback(status);
			return new DatastarError(status, message, null, ex);
		}
		return new DatastarError(500, this.properties.serverErrorMessage(), null, ex);
	}

	private String fallback(int status) {
		return (status >= 500) ? this.properties.serverErrorMessage() : "The request was refused (" + status + ")";
	}

	/**
	 * The SSE body that shows {@code error}; logs server errors with their stack trace, since
	 * nothing else will once the answer is a 200.
	 */
	public byte[] events(DatastarError error, String method, String path) {
		if (error.isServerError()) {
			logger.error("Datastar request " + method + " " + path + " failed", error.exception());
		}
		else if (logger.isDebugEnabled()) {
			logger.debug("Datastar request " + method + " " + path + " refused (" + error.status() + "): "
					+ error.message());
		}
		List<DatastarEvent> events = this.renderer.render(error);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (DatastarEvent event : events) {
			out.writeBytes(this.encoder.encode(event));
		}
		return out.toByteArray();
	}

	/**
	 * The body both containers answer a request line (or headers) over their limit with, status
	 * 414, before any application code runs: GET and DELETE carry the signals in the URL.
	 */
	public static byte[] urlTooLong(String path) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "about:blank");
		body.put("title", "URI Too Long");
		body.put("status", 414);
		body.put("detail", URL_TOO_LONG);
		body.put("instance", path);
		return JsonMapper.shared().writeValueAsBytes(body);
	}

	private static final String URL_TOO_LONG = "The request URL (or its headers) is longer than the server accepts. "
			+ "GET and DELETE send Datastar signals in the URL: send this many with @post (the body allows "
			+ "datastar.signals.max-size), send fewer (filterSignals, or _local signals the client keeps), "
			+ "or raise the server's limit (server.max-http-request-header-size on Tomcat, "
			+ "server.netty.max-initial-line-length on Netty).";

	/** The problem details of a signals failure for a caller that is not the Datastar client, else {@code null}. */
	public @Nullable Problem problem(Throwable ex, String path) {
		if (!(ex instanceof DatastarSignalsException signals)) {
			return null;
		}
		return new Problem(signals.getStatus(), this.jsonMapper.writeValueAsBytes(signals.problem(path)));
	}

	/**
	 * An {@code application/problem+json} answer.
	 *
	 * @param status the HTTP status
	 * @param body the JSON body
	 */
	public record Problem(int status, byte[] body) {

	}

}
