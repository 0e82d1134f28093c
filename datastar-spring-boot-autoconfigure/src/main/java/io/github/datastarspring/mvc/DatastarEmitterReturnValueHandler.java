package io.github.datastarspring.mvc;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import io.github.datastarspring.core.internal.StreamSupport;

import org.springframework.core.MethodParameter;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.async.DeferredResult;
import org.springframework.web.context.request.async.WebAsyncUtils;
import org.springframework.web.method.support.HandlerMethodReturnValueHandler;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Opens the stream of a {@link DatastarEmitter} returned by a controller method: writes the SSE
 * headers, keeps the request open asynchronously and hands the response to the emitter.
 */
final class DatastarEmitterReturnValueHandler implements HandlerMethodReturnValueHandler {

	private final StreamSupport support;

	DatastarEmitterReturnValueHandler(StreamSupport support) {
		this.support = support;
	}

	@Override
	public boolean supportsReturnType(MethodParameter returnType) {
		return DatastarEmitter.class.isAssignableFrom(returnType.getParameterType())
				|| DatastarEmitterHandlerMethodArgumentResolver.isVoidWithEmitterParameter(returnType);
	}

	@Override
	public void handleReturnValue(Object returnValue, MethodParameter returnType, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest) throws Exception {
		mavContainer.setRequestHandled(true);
		if (returnValue == null) {
			// A void method given its emitter as a parameter; removed so the redispatch does not reopen it.
			returnValue = webRequest.getAttribute(DatastarEmitterHandlerMethodArgumentResolver.ATTRIBUTE,
					RequestAttributes.SCOPE_REQUEST);
			webRequest.removeAttribute(DatastarEmitterHandlerMethodArgumentResolver.ATTRIBUTE,
					RequestAttributes.SCOPE_REQUEST);
		}
		if (returnValue == null) {
			// The redispatch after the stream ended, or a handler that chose not to stream.
			return;
		}
		DatastarEmitter emitter = (DatastarEmitter) returnValue;
		HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
		HttpServletResponse response = webRequest.getNativeResponse(HttpServletResponse.class);
		// No container timeout: the stream's own timer owns it (datastar.sse.timeout).
		DeferredResult<Object> result = new DeferredResult<>(-1L);
		ServletStreamTransport transport = new ServletStreamTransport(request, response, result);
		// Encodes what was sent so far here, before the response starts: a failure is the handler's error.
		emitter.stream().attach(this.support, transport);
		SseResponseHeaders.apply(request, response);
		request.setAttribute(StreamSupportInterceptor.STREAM_ATTRIBUTE, Boolean.TRUE);
		result.onTimeout(() -> {
			transport.closedByContainer();
			result.setResult(null);
		});
		// A client that left: end with no result, so that the redispatch writes nothing (an error
		// result would go to the error page, which cannot write to an event stream, and log it).
		result.onError((ex) -> {
			transport.closedByContainer();
			result.setResult(null);
		});
		result.onCompletion(transport::closedByContainer);
		WebAsyncUtils.getAsyncManager(webRequest).startDeferredResultProcessing(result, mavContainer);
		transport.activate();
	}

}
