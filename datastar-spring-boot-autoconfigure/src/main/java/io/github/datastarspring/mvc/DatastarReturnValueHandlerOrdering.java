package io.github.datastarspring.mvc;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.jspecify.annotations.Nullable;

import org.springframework.web.method.support.HandlerMethodReturnValueHandler;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.handler.HandlerExceptionResolverComposite;
import org.springframework.web.servlet.mvc.method.annotation.ExceptionHandlerExceptionResolver;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * Puts the Datastar return value handlers first. Spring MVC consults custom handlers only after
 * its own, and {@code @ResponseBody} (every {@code @RestController}) would otherwise write a
 * {@link DatastarEmitter} or {@link io.github.datastarspring.core.DatastarResponse} as JSON. The
 * same for {@code @ExceptionHandler} methods, which have their own list of handlers.
 */
final class DatastarReturnValueHandlerOrdering implements SmartInitializingSingleton {

	private final ObjectProvider<RequestMappingHandlerAdapter> adapters;

	private final ObjectProvider<HandlerExceptionResolver> exceptionResolvers;

	DatastarReturnValueHandlerOrdering(ObjectProvider<RequestMappingHandlerAdapter> adapters,
			ObjectProvider<HandlerExceptionResolver> exceptionResolvers) {
		this.adapters = adapters;
		this.exceptionResolvers = exceptionResolvers;
	}

	@Override
	public void afterSingletonsInstantiated() {
		this.adapters.orderedStream().forEach(DatastarReturnValueHandlerOrdering::reorder);
		// @ExceptionHandler methods have their own handlers: a @RestControllerAdvice would write JSON.
		this.exceptionResolvers.orderedStream().forEach(DatastarReturnValueHandlerOrdering::reorder);
	}

	static void reorder(RequestMappingHandlerAdapter adapter) {
		List<HandlerMethodReturnValueHandler> ordered = datastarFirst(adapter.getReturnValueHandlers());
		if (ordered != null) {
			adapter.setReturnValueHandlers(ordered);
		}
	}

	private static void reorder(HandlerExceptionResolver resolver) {
		if (resolver instanceof HandlerExceptionResolverComposite composite) {
			composite.getExceptionResolvers().forEach(DatastarReturnValueHandlerOrdering::reorder);
		}
		else if (resolver instanceof ExceptionHandlerExceptionResolver exceptionHandlers
				&& exceptionHandlers.getReturnValueHandlers() != null) {
			List<HandlerMethodReturnValueHandler> ordered = datastarFirst(
					exceptionHandlers.getReturnValueHandlers().getHandlers());
			if (ordered != null) {
				exceptionHandlers.setReturnValueHandlers(ordered);
			}
		}
	}

	private static @Nullable List<HandlerMethodReturnValueHandler> datastarFirst(
			@Nullable List<HandlerMethodReturnValueHandler> current) {
		if (current == null) {
			return null;
		}
		List<HandlerMethodReturnValueHandler> ordered = new ArrayList<>(current.size());
		for (HandlerMethodReturnValueHandler handler : current) {
			if (isDatastar(handler)) {
				ordered.add(handler);
			}
		}
		if (ordered.isEmpty()) {
			return null;
		}
		for (HandlerMethodReturnValueHandler handler : current) {
			if (!isDatastar(handler)) {
				ordered.add(handler);
			}
		}
		return ordered;
	}

	private static boolean isDatastar(HandlerMethodReturnValueHandler handler) {
		return handler instanceof DatastarEmitterReturnValueHandler
				|| handler instanceof DatastarResponseReturnValueHandler;
	}

}
