package io.github.datastarspring.mvc;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

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
public class DatastarEmitterReturnValueHandler implements HandlerMethodReturnValueHandler {

	private static final Log logger = LogFactory.getLog(DatastarEmitterReturnValueHandler.class);


	private final DatastarEmitterSupport support;

	public DatastarEmitterReturnValueHandler(DatastarEmitterSupport support) {
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
		emitter.open(this.support);
		HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
		HttpServletResponse response = webRequest.getNativeResponse(HttpServletResponse.class);
		SseResponseHeaders.apply(request, response);

		DeferredResult<Object> result = new DeferredResult<>(this.support.timeoutMillis(emitter));
		result.onTimeout(() -> {
			emitter.close(true);
			result.setResult(null);
		});
		result.onError((ex) -> emitter.close(false));
		result.onCompletion(() -> emitter.close(false));
		WebAsyncUtils.getAsyncManager(webRequest).startDeferredResultProcessing(result, mavContainer);

		ServletOutputStream out = response.getOutputStream();
		emitter.connect(new DatastarEmitter.Connection() {

			@Override
			public void write(byte[] bytes) throws Exception {
				out.write(bytes);
				out.flush();
			}

			@Override
			public void flush() throws Exception {
				out.flush();
			}

			@Override
			public void end(boolean normally) {
				try {
					result.setResult(null);
				}
				catch (IllegalStateException ex) {
					// Tomcat already ended the async request (the client left first): nothing to finish.
					logger.debug("Datastar stream already ended by the container", ex);
				}
			}

			@Override
			public void abort() {
				// Closing puts the async request in error; the container then ends it itself (ending
				// it here as well raced with that). Elsewhere, end the stream normally.
				if (!TomcatConnectionAborter.closeNow(response)) {
					end(false);
				}
			}

		});
	}

}
