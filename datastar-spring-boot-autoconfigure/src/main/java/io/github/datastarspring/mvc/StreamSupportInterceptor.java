package io.github.datastarspring.mvc;

import io.github.datastarspring.core.internal.StreamSupport;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Makes the application's stream settings known to a {@link DatastarEmitter} created while a
 * request is handled, through a request attribute rather than a static, so that each
 * application context in a JVM gets its own.
 */
final class StreamSupportInterceptor implements HandlerInterceptor {

	private static final String ATTRIBUTE = StreamSupport.class.getName();

	private final StreamSupport support;

	StreamSupportInterceptor(StreamSupport support) {
		this.support = support;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
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
