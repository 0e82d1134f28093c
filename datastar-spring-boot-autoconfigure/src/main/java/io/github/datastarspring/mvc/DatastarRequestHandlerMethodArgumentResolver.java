package io.github.datastarspring.mvc;

import io.github.datastarspring.core.DatastarHeaders;
import io.github.datastarspring.core.DatastarRequest;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Resolves {@link DatastarRequest} parameters from the {@code Datastar-Request} and {@code Last-Event-ID} headers. */
public class DatastarRequestHandlerMethodArgumentResolver implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return DatastarRequest.class == parameter.getParameterType();
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
		return DatastarRequest.of(webRequest.getHeader(DatastarHeaders.DATASTAR_REQUEST),
				webRequest.getHeader(DatastarHeaders.LAST_EVENT_ID));
	}

}
