package io.github.datastarspring.mvc;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.web.method.support.HandlerMethodReturnValueHandler;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * Puts the Datastar return value handlers first. Spring MVC consults custom handlers only after
 * its own, and {@code @ResponseBody} (every {@code @RestController}) would otherwise write a
 * {@link DatastarEmitter} or {@link io.github.datastarspring.core.DatastarResponse} as JSON.
 */
final class DatastarReturnValueHandlerOrdering implements SmartInitializingSingleton {

	private final ObjectProvider<RequestMappingHandlerAdapter> adapters;

	DatastarReturnValueHandlerOrdering(ObjectProvider<RequestMappingHandlerAdapter> adapters) {
		this.adapters = adapters;
	}

	@Override
	public void afterSingletonsInstantiated() {
		this.adapters.orderedStream().forEach(DatastarReturnValueHandlerOrdering::reorder);
	}

	static void reorder(RequestMappingHandlerAdapter adapter) {
		List<HandlerMethodReturnValueHandler> current = adapter.getReturnValueHandlers();
		if (current == null) {
			return;
		}
		List<HandlerMethodReturnValueHandler> ordered = new ArrayList<>(current.size());
		for (HandlerMethodReturnValueHandler handler : current) {
			if (isDatastar(handler)) {
				ordered.add(handler);
			}
		}
		if (ordered.isEmpty()) {
			return;
		}
		for (HandlerMethodReturnValueHandler handler : current) {
			if (!isDatastar(handler)) {
				ordered.add(handler);
			}
		}
		adapter.setReturnValueHandlers(ordered);
	}

	private static boolean isDatastar(HandlerMethodReturnValueHandler handler) {
		return handler instanceof DatastarEmitterReturnValueHandler
				|| handler instanceof DatastarResponseReturnValueHandler;
	}

}
