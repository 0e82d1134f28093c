package io.github.datastarspring.webflux;

import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.datastarspring.DatastarSignals;
import io.github.datastarspring.DatastarSignalsProperties;
import io.github.datastarspring.core.DatastarHeaders;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Conventions;
import org.springframework.core.MethodParameter;
import org.springframework.core.ReactiveAdapter;
import org.springframework.core.ReactiveAdapterRegistry;
import org.springframework.core.ResolvableType;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.validation.annotation.ValidationAnnotationUtils;
import org.springframework.web.bind.support.WebExchangeDataBinder;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.server.ServerWebExchange;

/**
 * Resolves {@link DatastarSignals @DatastarSignals} parameters (also {@code Mono<T>}): the
 * {@code datastar} query parameter of GET and DELETE, the JSON body of POST, PUT and PATCH (also
 * {@code Optional<T>}, empty when absent), read
 * with the application's {@code JsonMapper} into records, beans, {@code Map}s or {@code JsonNode}.
 * Bad input becomes a {@link DatastarSignalsException}: 400 naming the field, 413 above
 * {@code datastar.signals.max-size} (the body is not read past the limit).
 */
public class DatastarSignalsHandlerMethodArgumentResolver implements HandlerMethodArgumentResolver {

	private final JsonMapper jsonMapper;

	private final int maxSize;

	private final ReactiveAdapterRegistry adapters;

	public DatastarSignalsHandlerMethodArgumentResolver(JsonMapper jsonMapper, DatastarSignalsProperties properties,
			ReactiveAdapterRegistry adapters) {
		this.jsonMapper = jsonMapper;
		this.maxSize = (int) Math.min(Integer.MAX_VALUE, properties.maxSize().toBytes());
		this.adapters = adapters;
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.hasParameterAnnotation(DatastarSignals.class);
	}

	@Override
	public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext bindingContext,
			ServerWebExchange exchange) {
		DatastarSignals annotation = parameter.getParameterAnnotation(DatastarSignals.class);
		boolean required = annotation == null || annotation.required();
		ResolvableType type = ResolvableType.forMethodParameter(parameter);
		ReactiveAdapter adapter = this.adapters.getAdapter(type.resolve());
		boolean optional = Optional.class.equals(type.resolve());
		ResolvableType valueType = (adapter != null || optional) ? type.getGeneric(0) : type;
		Mono<Object> value = read(exchange.getRequest())
			.map(bytes -> convert(bytes, valueType))
			.doOnNext(target -> validate(target, parameter, valueType, bindingContext, exchange));
		if (optional) {
			return value.map(Optional::of).defaultIfEmpty(Optional.empty()).cast(Object.class);
		}
		if (required) {
			value = value.switchIfEmpty(Mono.error(() -> new DatastarSignalsException(HttpStatus.BAD_REQUEST,
					"Datastar signals are required but the " + (hasBody(exchange.getRequest().getMethod())
							? "request body is empty" : "'datastar' query parameter is missing"))));
		}
		return (adapter != null) ? Mono.just(adapter.fromPublisher(value)) : value;
	}

	private Mono<byte[]> read(ServerHttpRequest request) {
		if (!hasBody(request.getMethod())) {
			String json = request.getQueryParams().getFirst(DatastarHeaders.SIGNALS_PARAMETER);
			if (json == null || json.isBlank()) {
				return Mono.empty();
			}
			byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
			return (bytes.length > this.maxSize) ? Mono.error(tooLarge()) : Mono.just(bytes);
		}
		MediaType contentType = request.getHeaders().getContentType();
		if (contentType != null && (MediaType.APPLICATION_FORM_URLENCODED.includes(contentType)
				|| "multipart".equals(contentType.getType()))) {
			return Mono.error(new DatastarSignalsException(HttpStatus.BAD_REQUEST, "Datastar signals are JSON, but this "
					+ "request sends a form ({contentType: 'form'}): bind it with @ModelAttribute or @RequestParam instead"));
		}
		if (request.getHeaders().getContentLength() > this.maxSize) {
			return Mono.error(tooLarge());
		}
		return DataBufferUtils.join(request.getBody(), this.maxSize)
			.map(buffer -> {
				try {
					byte[] bytes = new byte[buffer.readableByteCount()];
					buffer.read(bytes);
					return bytes;
				}
				finally {
					DataBufferUtils.release(buffer);
				}
			})
			.filter(bytes -> !isBlank(bytes))
			.onErrorMap(DataBufferLimitException.class, ex -> tooLarge());
	}

	private Object convert(byte[] bytes, ResolvableType valueType) {
		Class<?> raw = valueType.toClass();
		if (raw == String.class) {
			return new String(bytes, StandardCharsets.UTF_8);
		}
		try {
			JavaType javaType = this.jsonMapper.constructType(valueType.getType());
			// The client sends every signal of the page; a parameter takes the ones it names.
			Object value = this.jsonMapper.readerFor(javaType)
				.without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
				.readValue(bytes);
			if (value == null) {
				throw new DatastarSignalsException(HttpStatus.BAD_REQUEST, "Datastar signals are not valid JSON: null");
			}
			return value;
		}
		catch (JacksonException ex) {
			throw invalid(ex);
		}
	}

	private static DatastarSignalsException invalid(JacksonException ex) {
		String path = path(ex);
		String reason = ex.getOriginalMessage();
		if (path.isEmpty()) {
			return new DatastarSignalsException(HttpStatus.BAD_REQUEST,
					"Datastar signals are not valid JSON: " + reason, null, List.of(), ex);
		}
		return new DatastarSignalsException(HttpStatus.BAD_REQUEST,
				"Datastar signal '" + path + "' is invalid: " + reason, path, List.of(), ex);
	}

	private static boolean isBlank(byte[] bytes) {
		for (byte b : bytes) {
			if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
				return false;
			}
		}
		return true;
	}

	private static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference ref : ex.getPath()) {
			if (ref.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(ref.getPropertyName());
			}
			else if (ref.getIndex() >= 0) {
				path.append('[').append(ref.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private void validate(Object target, MethodParameter parameter, ResolvableType valueType,
			BindingContext bindingContext, ServerWebExchange exchange) {
		for (Annotation annotation : parameter.getParameterAnnotations()) {
			Object[] hints = ValidationAnnotationUtils.determineValidationHints(annotation);
			if (hints == null) {
				continue;
			}
			String name = Conventions.getVariableNameForParameter(parameter);
			WebExchangeDataBinder binder = bindingContext.createDataBinder(exchange, target, name, valueType);
			binder.validate(hints);
			BindingResult result = binder.getBindingResult();
			if (result.hasErrors()) {
				throw invalid(result);
			}
			return;
		}
	}

	private static DatastarSignalsException invalid(BindingResult result) {
		List<Map<String, String>> errors = new ArrayList<>();
		List<String> parts = new ArrayList<>();
		for (ObjectError error : result.getAllErrors()) {
			String message = (error.getDefaultMessage() != null) ? error.getDefaultMessage() : error.getCode();
			Map<String, String> entry = new LinkedHashMap<>();
			if (error instanceof FieldError field) {
				entry.put("signal", field.getField());
				parts.add("'" + field.getField() + "' " + message);
			}
			else {
				parts.add(message);
			}
			entry.put("message", message);
			errors.add(entry);
		}
		// The same detail and errors as the MVC stack's answer.
		return new DatastarSignalsException(HttpStatus.BAD_REQUEST,
				"Invalid Datastar signals: " + String.join("; ", parts), null, errors, null);
	}

	private DatastarSignalsException tooLarge() {
		return new DatastarSignalsException(HttpStatus.CONTENT_TOO_LARGE, "Datastar signals are larger than the limit of "
				+ this.maxSize + " bytes (datastar.signals.max-size)");
	}

	/** GET, HEAD and DELETE send the signals in the query; every other method in the body. */
	private static boolean hasBody(HttpMethod method) {
		return !(HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method) || HttpMethod.DELETE.equals(method));
	}

}
