package io.github.datastarspring.webflux;

import io.github.datastarspring.core.DatastarHeaders;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.util.ClassUtils;

/** The response headers of a Datastar stream, the same as the MVC stack sends. */
final class DatastarSseHeaders {

	static final MediaType TEXT_EVENT_STREAM = MediaType.parseMediaType(DatastarHeaders.TEXT_EVENT_STREAM);

	private static final boolean REACTOR_NETTY_PRESENT = ClassUtils
		.isPresent("reactor.netty.http.server.HttpServerRequest", DatastarSseHeaders.class.getClassLoader());

	private static final boolean SERVLET_PRESENT = ClassUtils.isPresent("jakarta.servlet.http.HttpServletRequest",
			DatastarSseHeaders.class.getClassLoader());

	private DatastarSseHeaders() {
	}

	/** Sets the stream headers; {@code request} may be {@code null} (no {@code Connection} then). */
	static void apply(HttpHeaders headers, ServerHttpRequest request) {
		// Exactly text/event-stream, no charset parameter: SSE is always UTF-8.
		headers.setContentType(TEXT_EVENT_STREAM);
		headers.setCacheControl("no-cache");
		headers.set(DatastarHeaders.X_ACCEL_BUFFERING, "no");
		if (request != null && isHttp1(request)) {
			// HTTP/2 forbids connection-specific headers.
			headers.set(HttpHeaders.CONNECTION, "keep-alive");
		}
	}

	static boolean isHttp1(ServerHttpRequest request) {
		Object nativeRequest;
		try {
			nativeRequest = ServerHttpRequestDecorator.getNativeRequest(request);
		}
		catch (IllegalStateException ex) {
			return false; // a mock request (WebTestClient bound to a context): no connection at all
		}
		if (REACTOR_NETTY_PRESENT && nativeRequest instanceof reactor.netty.http.server.HttpServerRequest netty) {
			return netty.protocol().startsWith("HTTP/1");
		}
		if (SERVLET_PRESENT && nativeRequest instanceof jakarta.servlet.http.HttpServletRequest servlet) {
			return servlet.getProtocol().startsWith("HTTP/1");
		}
		return false;
	}

}
