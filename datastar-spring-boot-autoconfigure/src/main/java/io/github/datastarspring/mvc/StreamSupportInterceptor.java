package io.github.datastarspring.mvc;

import io.github.datastarspring.core.internal.StreamSupport;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Makes the application's stream settings known to a {@link DatastarEmitter} created while a
 * request is handled, through a request attribute rather than a static, so that each
 * application context in a JVM gets its own. Also keeps the container's error page away from
 * streams: nothing can be written to an event stream whose client has left.
 */
final class StreamSupportInterceptor implements HandlerInterceptor {

	private static final String ATTRIBUTE = StreamSupport.class.getName();

	private final StreamSupport support;

	StreamSupportInterceptor(StreamSupport support) {
		this.support = support;
	}

	/** Set on a request whose response is a stream, once the stream has started. */
	static final String STREAM_ATTRIBUTE = DatastarEmitter.class.getName() + ".STREAM";

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (request.getAttribute(STREAM_ATTRIBUTE) != null
				&& request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) != null) {
			// The container's error page for a stream whose client left (a failed write; Tomcat
			// includes it, as the response is committed): it cannot write to an event stream, and
			// said so at WARN once per departed client.
			return false;
		}
		request.setAttribute(ATTRIBUTE, this.support);
		return true;
	}

	/** The settings of the application handling the current request, if any. */
	static @Nullable StreamSupport current() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		Object support = (attributes != null) ? attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST)
				: null;
		return (support instanceof StreamSupport s) ? s : null;
	}

}
