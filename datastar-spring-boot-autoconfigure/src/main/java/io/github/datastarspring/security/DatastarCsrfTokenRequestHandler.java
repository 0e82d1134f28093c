package io.github.datastarspring.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Objects;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import io.github.datastarspring.core.DatastarHeaders;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;

/**
 * Spring Security's CSRF token handling, plus one place to find the token: the signal
 * {@code datastar.security.csrf.signal} ({@code csrf}) of a Datastar request, which the client
 * sends with every action (in the JSON body, or in the {@code datastar} query parameter of a
 * DELETE). Headers and form parameters are looked at first, as usual; the token found is checked
 * by the delegate exactly as if it came in the header (masked tokens included).
 */
public class DatastarCsrfTokenRequestHandler implements CsrfTokenRequestHandler {

	private final CsrfTokenRequestHandler delegate;

	private final String signal;

	private final JsonMapper json;

	/** Spring Security's default handler (BREACH-safe masked tokens), with the token in {@code signal}. */
	public DatastarCsrfTokenRequestHandler(String signal, JsonMapper json) {
		this(new XorCsrfTokenRequestAttributeHandler(), signal, json);
	}

	public DatastarCsrfTokenRequestHandler(CsrfTokenRequestHandler delegate, String signal, JsonMapper json) {
		this.delegate = Objects.requireNonNull(delegate, "delegate");
		this.signal = Objects.requireNonNull(signal, "signal");
		this.json = Objects.requireNonNull(json, "json");
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> csrfToken) {
		this.delegate.handle(request, response, csrfToken);
	}

	@Override
	public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken csrfToken) {
		String value = this.delegate.resolveCsrfTokenValue(request, csrfToken);
		if (value != null || !ServletAnswers.isDatastarRequest(request)) {
			return value;
		}
		String fromSignals = fromSignals(request);
		if (fromSignals == null) {
			return null;
		}
		return this.delegate.resolveCsrfTokenValue(new TokenHeader(request, csrfToken.getHeaderName(), fromSignals),
				csrfToken);
	}

	private String fromSignals(HttpServletRequest request) {
		String text = request.getParameter(DatastarHeaders.SIGNALS_PARAMETER);
		if (text == null) {
			SignalsBodyCachingFilter.CachedBodyRequest cached = unwrap(request);
			if (cached == null) {
				return null;
			}
			try {
				byte[] body = cached.body();
				text = (body != null) ? new String(body, java.nio.charset.StandardCharsets.UTF_8) : null;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			JsonNode token = this.json.readTree(text).get(this.signal);
			return (token != null && token.isString()) ? token.asString() : null;
		}
		catch (JacksonException ex) {
			// Not JSON: no token here; the application reports the bad signals if it gets that far.
			return null;
		}
	}

	private static SignalsBodyCachingFilter.CachedBodyRequest unwrap(HttpServletRequest request) {
		jakarta.servlet.ServletRequest current = request;
		while (current instanceof HttpServletRequestWrapper wrapper) {
			if (wrapper instanceof SignalsBodyCachingFilter.CachedBodyRequest cached) {
				return cached;
			}
			current = wrapper.getRequest();
		}
		return null;
	}

	/** The request as if the token had come in the CSRF header. */
	private static final class TokenHeader extends HttpServletRequestWrapper {

		private final String name;

		private final String value;

		TokenHeader(HttpServletRequest request, String name, String value) {
			super(request);
			this.name = name;
			this.value = value;
		}

		@Override
		public String getHeader(String name) {
			return this.name.equalsIgnoreCase(name) ? this.value : super.getHeader(name);
		}

		@Override
		public Enumeration<String> getHeaders(String name) {
			return this.name.equalsIgnoreCase(name) ? Collections.enumeration(java.util.List.of(this.value))
					: super.getHeaders(name);
		}

	}

}
