package io.github.datastarspring.mvc;

import java.util.Optional;

import io.github.datastarspring.DatastarSignals;
import io.github.datastarspring.core.DatastarSignalsReader;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Resolves {@link DatastarSignals @DatastarSignals} parameters on Spring MVC: hands the raw query
 * string or the body to the {@link DatastarSignalsReader}, and validates with the handler's data
 * binder when the parameter is {@code @Valid} or {@code @Validated}.
 */
public class DatastarSignalsHandlerMethodArgumentResolver implements HandlerMethodArgumentResolver {

	private final DatastarSignalsReader reader;

	public DatastarSignalsHandlerMethodArgumentResolver(DatastarSignalsReader reader) {
		this.reader = reader;
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.hasParameterAnnotation(DatastarSignals.class);
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, WebDataBinderFactory binderFactory) throws Exception {
		HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
		boolean inQuery = DatastarSignalsReader.inQuery(request.getMethod());
		byte[] bytes;
		if (inQuery) {
			bytes = this.reader.fromQuery(request.getQueryString());
		}
		else {
			this.reader.checkBody(request.getContentType(), request.getContentLengthLong());
			bytes = this.reader.readBody(request.getInputStream());
		}
		Object value = this.reader.bind(bytes, parameter.nestedIfOptional().getNestedGenericParameterType());
		DatastarSignals annotation = parameter.getParameterAnnotation(DatastarSignals.class);
		if (value == null && annotation != null && annotation.required() && !parameter.isOptional()) {
			throw this.reader.missing(inQuery);
		}
		Object[] hints = DatastarSignalsReader.validationHints(parameter.getParameterAnnotations());
		if (value != null && hints != null && binderFactory != null) {
			WebDataBinder binder = binderFactory.createBinder(webRequest, value, "signals");
			binder.validate(hints);
			if (binder.getBindingResult().hasErrors()) {
				throw DatastarSignalsReader.invalid(binder.getBindingResult());
			}
		}
		return (parameter.getParameterType() == Optional.class) ? Optional.ofNullable(value) : value;
	}

}
