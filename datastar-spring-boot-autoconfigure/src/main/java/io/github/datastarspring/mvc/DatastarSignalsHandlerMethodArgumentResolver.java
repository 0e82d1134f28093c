package io.github.datastarspring.mvc;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import io.github.datastarspring.DatastarSignals;
import io.github.datastarspring.core.DatastarHeaders;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.util.StreamUtils;
import org.springframework.validation.Errors;
import org.springframework.validation.annotation.ValidationAnnotationUtils;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Resolves {@link DatastarSignals @DatastarSignals} parameters: reads the {@code datastar} query
 * parameter (GET, DELETE) or the body (other methods), at most {@code datastar.signals.max-size}
 * bytes, binds the JSON with the application's {@link JsonMapper} and validates the result when
 * the parameter is {@code @Valid} or {@code @Validated}.
 *
 * <p>Signals the target type does not declare are ignored: the client sends every signal of the page.
 */
public class DatastarSignalsHandlerMethodArgumentResolver implements HandlerMethodArgumentResolver {

	private final JsonMapper jsonMapper;

	private final long maxSize;

	public DatastarSignalsHandlerMethodArgumentResolver(JsonMapper jsonMapper, long maxSize) {
		this.jsonMapper = jsonMapper;
		this.maxSize = maxSize;
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.hasParameterAnnotation(DatastarSignals.class);
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, WebDataBinderFactory binderFactory) throws Exception {
		HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
		MethodParameter target = parameter.nestedIfOptional();
		DatastarSignals annotation = parameter.getParameterAnnotation(DatastarSignals.class);
		boolean required = annotation.required() && !parameter.isOptional();

		String json = readSignals(request);
		Object value = null;
		if (json != null && !json.isBlank()) {
			// A String parameter gets the JSON text itself.
			value = (target.getNestedParameterType() == String.class) ? json
					: bind(json, target.getNestedGenericParameterType());
		}
		if (value == null && required) {
			throw new DatastarSignalsException(HttpStatus.BAD_REQUEST, "Datastar signals are required but the "
					+ (readsQuery(request) ? "'datastar' query parameter is missing" : "request body is empty"), null,
					null);
		}
		if (value != null && binderFactory != null) {
			validate(parameter, webRequest, binderFactory, value);
		}
		return (parameter.getParameterType() == Optional.class) ? Optional.ofNullable(value) : value;
	}

	private Object bind(String json, Type type) {
		JavaType javaType = this.jsonMapper.constructType(type);
		try {
			return this.jsonMapper.readerFor(javaType)
				.without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
				.readValue(json);
		}
		catch (JacksonException ex) {
			throw invalid(ex);
		}
	}

	private void validate(MethodParameter parameter, NativeWebRequest webRequest, WebDataBinderFactory binderFactory,
			Object value) throws Exception {
		WebDataBinder binder = binderFactory.createBinder(webRequest, value, "signals");
		for (var ann : parameter.getParameterAnnotations()) {
			Object[] hints = ValidationAnnotationUtils.determineValidationHints(ann);
			if (hints != null) {
				binder.validate(hints);
				break;
			}
		}
		if (binder.getBindingResult().hasErrors() && !nextParameterIsErrors(parameter)) {
			throw new MethodArgumentNotValidException(parameter, binder.getBindingResult());
		}
	}

	private static boolean nextParameterIsErrors(MethodParameter parameter) {
		Class<?>[] types = parameter.getExecutable().getParameterTypes();
		int i = parameter.getParameterIndex();
		return types.length > i + 1 && Errors.class.isAssignableFrom(types[i + 1]);
	}

	private static boolean readsQuery(HttpServletRequest request) {
		String method = request.getMethod();
		return "GET".equals(method) || "DELETE".equals(method) || "HEAD".equals(method);
	}

	private String readSignals(HttpServletRequest request) throws IOException {
		if (readsQuery(request)) {
			String value = request.getParameter(DatastarHeaders.SIGNALS_PARAMETER);
			if (value != null && value.length() > this.maxSize) {
				throw tooLarge();
			}
			return value;
		}
		String contentType = request.getContentType();
		if (contentType != null && (contentType.startsWith("application/x-www-form-urlencoded")
				|| contentType.startsWith("multipart/"))) {
			throw new DatastarSignalsException(HttpStatus.BAD_REQUEST, "Datastar signals are JSON, but this request "
					+ "sends a form ({contentType: 'form'}): bind it with @ModelAttribute or @RequestParam instead", null,
					null);
		}
		long length = request.getContentLengthLong();
		if (length > this.maxSize) {
			throw tooLarge();
		}
		InputStream body = request.getInputStream();
		byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, this.maxSize + 1));
		if (bytes.length > this.maxSize) {
			throw tooLarge();
		}
		return new String(bytes, charset(request));
	}

	private static java.nio.charset.Charset charset(HttpServletRequest request) {
		String encoding = request.getCharacterEncoding();
		try {
			return (encoding != null) ? java.nio.charset.Charset.forName(encoding) : StandardCharsets.UTF_8;
		}
		catch (RuntimeException ex) {
			return StandardCharsets.UTF_8;
		}
	}

	private DatastarSignalsException tooLarge() {
		return new DatastarSignalsException(HttpStatus.PAYLOAD_TOO_LARGE,
				"Datastar signals are larger than the limit of " + this.maxSize
						+ " bytes (datastar.signals.max-size)", null, null);
	}

	/** A 400 naming the signal at fault, from Jackson's path. */
	static DatastarSignalsException invalid(JacksonException ex) {
		String path = signalPath(ex);
		String reason = ex.getOriginalMessage();
		if (path == null) {
			return new DatastarSignalsException(HttpStatus.BAD_REQUEST, "Datastar signals are not valid JSON: " + reason,
					null, ex);
		}
		return new DatastarSignalsException(HttpStatus.BAD_REQUEST,
				"Datastar signal '" + path + "' is invalid: " + reason, path, ex);
	}

	private static String signalPath(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference ref : ex.getPath()) {
			if (ref.getPropertyName() != null) {
				if (path.length() > 0) {
					path.append('.');
				}
				path.append(ref.getPropertyName());
			}
			else if (ref.getIndex() >= 0) {
				path.append('[').append(ref.getIndex()).append(']');
			}
		}
		return (path.length() > 0) ? path.toString() : null;
	}

}
