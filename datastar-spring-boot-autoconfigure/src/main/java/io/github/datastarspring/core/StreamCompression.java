package io.github.datastarspring.core;

import org.jspecify.annotations.Nullable;

/**
 * Chooses how a response is compressed from the request's {@code Accept-Encoding}. Both stacks ask
 * the one bean of this type, so MVC and WebFlux negotiate alike.
 */
public interface StreamCompression {

	/** Never compresses. */
	StreamCompression NONE = new StreamCompression() {
	};

	/**
	 * A compressor for a new event stream, or {@code null} for identity.
	 * @param acceptEncoding the request's {@code Accept-Encoding} header, if any
	 */
	default @Nullable StreamCompressor forStream(@Nullable String acceptEncoding) {
		return null;
	}

	/**
	 * A compressor for a one-shot answer of the given size, or {@code null} to send it as it is
	 * (small answers cost more to compress than they save).
	 */
	default @Nullable StreamCompressor forResponse(@Nullable String acceptEncoding, int contentLength) {
		return null;
	}

}
