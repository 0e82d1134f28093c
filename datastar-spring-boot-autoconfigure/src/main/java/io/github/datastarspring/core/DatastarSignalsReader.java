package io.github.datastarspring.core;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.github.datastarspring.core.DatastarSignalsException.SignalError;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.validation.annotation.ValidationAnnotationUtils;

/**
 * The one signals pipeline of both stacks: finds the signals in the raw query string or the body,
 * enforces {@code datastar.signals.max-size} in UTF-8 bytes, decodes strict UTF-8, parses and binds
 * the JSON with the application's {@link JsonMapper}, and turns every failure, validation
 * included, into one {@link DatastarSignalsException}. The Spring MVC and WebFlux argument
 * resolvers only move bytes to it; infrastructure, not meant for application code.
 */
public final class DatastarSignalsReader {

	private final JsonMapper jsonMapper;

	private final long maxBytes;

	public DatastarSignalsReader(JsonMapper jsonMapper, long maxBytes) {
		this.jsonMapper = jsonMapper;
		this.maxBytes = maxBytes;
	}

	/** The largest payload accepted, in bytes. */
	public long maxBytes() {
		return this.maxBytes;
	}

	/** GET, HEAD and DELETE carry signals in the {@code datastar} query parameter, other methods in the body. */
	public static boolean inQuery(String method) {
		String upper = method.toUpperCase(Locale.ROOT);
		return "GET".equals(upper) || "HEAD".equals(upper) || "DELETE".equals(upper);
	}

	/**
	 * The bytes of the {@code datastar} parameter of a raw (still percent-encoded) query string,
	 * form-decoded ({@code +} is a space) strictly: a malformed escape is a 400, never a
	 * replacement character. {@code null} when there is no such parameter.
	 */
	public byte @Nullable [] fromQuery(@Nullable String rawQuery) {
		if (rawQuery == null) {
			return null;
		}
		int start = 0;
		while (start <= rawQuery.length()) {
			int end = rawQuery.indexOf('&', start);
			if (end < 0) {
				end = rawQuery.length();
			}
			int prefix = DatastarHeaders.SIGNALS_PARAMETER.length();
			if (rawQuery.startsWith(DatastarHeaders.SIGNALS_PARAMETER, start)
					&& (start + prefix == end || rawQuery.charAt(start + prefix) == '=')) {
				return percentDecode(rawQuery, Math.min(end, start + prefix + 1), end);
			}
			start = end + 1;
		}
		return null;
	}

	private byte[] percentDecode(String query, int from, int to) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(0, to - from));
		for (int i = from; i < to; i++) {
			char c = query.charAt(i);
			if (c == '%') {
				int high = (i + 2 < to) ? Character.digit(query.charAt(i + 1), 16) : -1;
				int low = (i + 2 < to) ? Character.digit(query.charAt(i + 2), 16) : -1;
				if (high < 0 || low < 0) {
					throw badRequest("The 'datastar' query parameter is not validly URL-encoded (at character "
							+ (i - from) + ")", null);
				}
				out.write((high << 4) | low);
				i += 2;
			}
			else if (c == '+') {
				out.write(' ');
			}
			else if (c < 0x80) {
				out.write(c);
			}
			else {
				// A container that hands over a decoded query: keep its characters as UTF-8.
				byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
				out.write(bytes, 0, bytes.length);
			}
			if (out.size() > this.maxBytes) {
				throw tooLarge();
			}
		}
		return out.toByteArray();
	}

	/**
	 * Refuses a body that cannot be signals before reading it: a form ({@code contentType: 'form'}
	 * actions) or a declared length above the limit. {@code contentLength} is negative when unknown.
	 */
	public void checkBody(@Nullable String contentType, long contentLength) {
		String type = (contentType != null) ? contentType.toLowerCase(Locale.ROOT) : "";
		if (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/")) {
			throw badRequest("Datastar signals are JSON, but this request sends a form ({contentType: 'form'}): "
					+ "bind it with @ModelAttribute or @RequestParam instead", null);
		}
		if (contentLength > this.maxBytes) {
			throw tooLarge();
		}
	}

	/** Reads a body, never more than one byte past the limit. */
	public byte[] readBody(InputStream body) throws IOException {
		byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, this.maxBytes + 1));
		if (bytes.length > this.maxBytes) {
			throw tooLarge();
		}
		return bytes;
	}

	/**
	 * Binds signals to {@code type}: the JSON text itself for {@code String}, otherwise what the
	 * {@code JsonMapper} reads (records, beans, {@code Map}, {@code JsonNode}); signals the type does
	 * not declare are ignored, since the client sends every signal of the page. {@code null} when
	 * there are no signals (absent, blank or the JSON {@code null}).
	 */
	public @Nullable Object bind(byte @Nullable [] bytes, Type type) {
		if (bytes == null) {
			return null;
		}
		if (bytes.length > this.maxBytes) {
			throw tooLarge();
		}
		String json = decodeUtf8(bytes);
		if (json.isBlank()) {
			return null;
		}
		if (type == String.class) {
			return json;
		}
		ObjectReader reader = this.jsonMapper.readerFor(this.jsonMapper.constructType(type))
			.without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
		try {
			return reader.readValue(json);
		}
		catch (JacksonException ex) {
			throw invalid(ex);
		}
	}

	private static String decodeUtf8(byte[] bytes) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new DatastarSignalsException(400, "Datastar signals are not valid UTF-8", null, List.of(), ex);
		}
	}

	/**
	 * The validation hints of a parameter ({@code @Valid}, {@code @Validated(groups)}), or
	 * {@code null} when it is not to be validated.
	 */
	public static Object @Nullable [] validationHints(Annotation[] annotations) {
		for (Annotation annotation : annotations) {
			Object[] hints = ValidationAnnotationUtils.determineValidationHints(annotation);
			if (hints != null) {
				return hints;
			}
		}
		return null;
	}

	/** The answer when signals are required but absent. */
	public DatastarSignalsException missing(boolean inQuery) {
		return badRequest("Datastar signals are required but the "
				+ (inQuery ? "'datastar' query parameter is missing" : "request body is empty"), null);
	}

	/** The answer to a payload above {@code datastar.signals.max-size}. */
	public DatastarSignalsException tooLarge() {
		return new DatastarSignalsException(413, "Datastar signals are larger than the limit of " + this.maxBytes
				+ " bytes (datastar.signals.max-size)", null, List.of(), null);
	}

	/** The answer to failed validation, one entry per error, naming each signal. */
	public static DatastarSignalsException invalid(Errors errors) {
		List<SignalError> entries = new ArrayList<>();
		List<String> parts = new ArrayList<>();
		for (ObjectError error : errors.getAllErrors()) {
			String message = (error.getDefaultMessage() != null) ? error.getDefaultMessage() : error.getCode();
			message = (message != null) ? message : "is invalid";
			if (error instanceof FieldError field) {
				entries.add(new SignalError(field.getField(), message));
				parts.add("'" + field.getField() + "' " + message);
			}
			else {
				entries.add(new SignalError(null, message));
				parts.add(message);
			}
		}
		String signal = (entries.size() == 1) ? entries.get(0).signal() : null;
		return new DatastarSignalsException(400, "Invalid Datastar signals: " + String.join("; ", parts), signal,
				entries, null);
	}

	/** A 400 naming the signal at fault, from Jackson's path. */
	static DatastarSignalsException invalid(JacksonException ex) {
		String path = signalPath(ex);
		String reason = ex.getOriginalMessage();
		if (path == null) {
			return new DatastarSignalsException(400, "Datastar signals are not valid JSON: " + reason, null, List.of(),
					ex);
		}
		return new DatastarSignalsException(400, "Datastar signal '" + path + "' is invalid: " + reason, path,
				List.of(), ex);
	}

	private static @Nullable String signalPath(JacksonException ex) {
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
		return (!path.isEmpty()) ? path.toString() : null;
	}

	private static DatastarSignalsException badRequest(String message, @Nullable String signal) {
		return new DatastarSignalsException(400, message, signal, List.of(), null);
	}

}
