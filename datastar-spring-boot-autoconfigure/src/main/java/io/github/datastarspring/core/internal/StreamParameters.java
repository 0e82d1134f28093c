package io.github.datastarspring.core.internal;

import java.lang.reflect.Method;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;

/**
 * A stream as a handler method's parameter, on either stack: the method must return nothing (the
 * stream is the response, opened when the method returns), and the return value handler must
 * know such a method when it sees one.
 */
public final class StreamParameters {

	private StreamParameters() {
	}

	/** Whether {@code method} takes a parameter of {@code streamType}. */
	public static boolean takesStream(@Nullable Method method, Class<?> streamType) {
		if (method == null) {
			return false;
		}
		for (Class<?> type : method.getParameterTypes()) {
			if (type == streamType) {
				return true;
			}
		}
		return false;
	}

	/** The error for a stream parameter of a method that returns something ({@code allowed} says what it may return). */
	public static IllegalStateException needsNoReturnValue(MethodParameter parameter, String allowed) {
		String stream = parameter.getParameterType().getSimpleName();
		return new IllegalStateException("A " + stream + " parameter needs a method returning " + allowed
				+ "; return the " + stream.replace("Datastar", "").toLowerCase(Locale.ROOT)
				+ " instead from " + parameter.getExecutable());
	}

}
