package io.github.datastarspring.mvc;

import io.github.datastarspring.core.internal.StreamParameters;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Resolves a {@link DatastarEmitter} parameter of a {@code void} handler method to a new emitter
 * with the configured timeout; the stream opens when the method returns.
 *
 * <pre>{@code
 * @GetMapping("/feed")
 * void feed(DatastarEmitter emitter) { feed.subscribe(emitter); }
 * }</pre>
 */
public class DatastarEmitterHandlerMethodArgumentResolver implements HandlerMethodArgumentResolver {

	/** Request attribute holding the emitter until the method returns. */
	static final String ATTRIBUTE = DatastarEmitterHandlerMethodArgumentResolver.class.getName() + ".emitter";

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == DatastarEmitter.class;
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
		if (parameter.getMethod() == null || parameter.getMethod().getReturnType() != void.class) {
			throw StreamParameters.needsNoReturnValue(parameter, "void");
		}
		DatastarEmitter emitter = new DatastarEmitter();
		webRequest.setAttribute(ATTRIBUTE, emitter, RequestAttributes.SCOPE_REQUEST);
		return emitter;
	}

	/** Whether {@code returnType} is that of a void method with a {@code DatastarEmitter} parameter. */
	static boolean isVoidWithEmitterParameter(MethodParameter returnType) {
		return returnType.getParameterType() == void.class
				&& StreamParameters.takesStream(returnType.getMethod(), DatastarEmitter.class);
	}

}
