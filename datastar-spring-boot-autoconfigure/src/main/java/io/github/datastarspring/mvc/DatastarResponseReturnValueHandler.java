package io.github.datastarspring.mvc;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

import io.github.datastarspring.core.DatastarEvent;
import io.github.datastarspring.core.DatastarEventEncoder;
import io.github.datastarspring.core.DatastarResponse;
import io.github.datastarspring.core.StreamCompression;
import io.github.datastarspring.core.StreamCompressor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodReturnValueHandler;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Writes a one-shot answer, a {@link DatastarResponse}, a single {@link DatastarEvent} or a
 * collection of them, as a short SSE response that then ends.
 */
final class DatastarResponseReturnValueHandler implements HandlerMethodReturnValueHandler {

	private final DatastarEventEncoder encoder;

	private final Supplier<StreamCompression> compression;

	DatastarResponseReturnValueHandler(DatastarEventEncoder encoder, Supplier<StreamCompression> compression) {
		this.encoder = encoder;
		this.compression = compression;
	}

	@Override
	public boolean supportsReturnType(MethodParameter returnType) {
		Class<?> type = returnType.getParameterType();
		if (DatastarResponse.class.isAssignableFrom(type) || DatastarEvent.class.isAssignableFrom(type)) {
			return true;
		}
		if (Collection.class.isAssignableFrom(type)) {
			Class<?> element = ResolvableType.forMethodParameter(returnType).asCollection().resolveGeneric(0);
			return element != null && DatastarEvent.class.isAssignableFrom(element);
		}
		return false;
	}

	@Override
	public void handleReturnValue(Object returnValue, MethodParameter returnType, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest) throws Exception {
		mavContainer.setRequestHandled(true);
		HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
		HttpServletResponse response = webRequest.getNativeResponse(HttpServletResponse.class);
		List<? extends DatastarEvent> events = events(returnValue);
		// Encode everything first, so that a failure is still an ordinary error response.
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		for (DatastarEvent event : events) {
			body.write(this.encoder.encode(event));
		}
		byte[] bytes = body.toByteArray();
		SseResponseHeaders.apply(request, response);
		StreamCompressor compressor = this.compression.get()
			.forResponse(request.getHeader(HttpHeaders.ACCEPT_ENCODING), bytes.length);
		if (compressor != null) {
			try (compressor) {
				bytes = compressor.compress(bytes);
			}
			response.setHeader(HttpHeaders.CONTENT_ENCODING, compressor.encoding());
			response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
		}
		OutputStream out = response.getOutputStream();
		out.write(bytes);
		out.flush();
	}

	@SuppressWarnings("unchecked")
	private static List<? extends DatastarEvent> events(Object value) {
		if (value == null) {
			return List.of();
		}
		if (value instanceof DatastarResponse response) {
			return response.events();
		}
		if (value instanceof DatastarEvent event) {
			return List.of(event);
		}
		return List.copyOf((Collection<? extends DatastarEvent>) value);
	}

}
