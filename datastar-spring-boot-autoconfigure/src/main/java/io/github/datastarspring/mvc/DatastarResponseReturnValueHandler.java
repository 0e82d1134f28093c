package io.github.datastarspring.mvc;

import java.io.OutputStream;
import java.util.Collection;
import java.util.List;

import io.github.datastarspring.core.DatastarEvent;
import io.github.datastarspring.core.DatastarEventEncoder;
import io.github.datastarspring.core.DatastarResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodReturnValueHandler;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Writes a one-shot answer, a {@link DatastarResponse}, a single {@link DatastarEvent} or a
 * collection of them, as a short SSE response that then ends.
 */
public class DatastarResponseReturnValueHandler implements HandlerMethodReturnValueHandler {

	private final DatastarEventEncoder encoder;

	public DatastarResponseReturnValueHandler(DatastarEventEncoder encoder) {
		this.encoder = encoder;
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
		byte[][] encoded = new byte[events.size()][];
		for (int i = 0; i < encoded.length; i++) {
			encoded[i] = this.encoder.encode(events.get(i));
		}
		SseResponseHeaders.apply(request, response);
		OutputStream out = response.getOutputStream();
		for (byte[] bytes : encoded) {
			out.write(bytes);
		}
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
