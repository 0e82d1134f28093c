package io.github.datastarspring.compression;

import io.github.datastarspring.core.StreamCompression;
import io.github.datastarspring.core.StreamCompressor;
import org.jspecify.annotations.Nullable;

/**
 * The starter's {@link StreamCompression}: Brotli when the client accepts {@code br} and brotli4j
 * works here, gzip when it accepts {@code gzip}, identity otherwise; q-values decide between them.
 */
final class NegotiatingStreamCompression implements StreamCompression {

	private final DatastarCompressionProperties properties;

	private final boolean brotli;

	NegotiatingStreamCompression(DatastarCompressionProperties properties, boolean brotli) {
		this.properties = properties;
		this.brotli = brotli;
	}

	@Override
	public @Nullable StreamCompressor forStream(@Nullable String acceptEncoding) {
		return create(AcceptEncoding.negotiate(acceptEncoding, this.brotli), -1);
	}

	@Override
	public @Nullable StreamCompressor forResponse(@Nullable String acceptEncoding, int contentLength) {
		if (contentLength < this.properties.minResponseSize().toBytes()) {
			return null;
		}
		return create(AcceptEncoding.negotiate(acceptEncoding, this.brotli), contentLength);
	}

	private @Nullable StreamCompressor create(@Nullable String encoding, long finishAfter) {
		if ("br".equals(encoding)) {
			DatastarCompressionProperties.Brotli settings = this.properties.brotli();
			return new BrotliCompressor(settings.quality(), settings.window(), finishAfter);
		}
		if ("gzip".equals(encoding)) {
			return new GzipCompressor(this.properties.gzip().level(), finishAfter);
		}
		return null;
	}

	/** Whether {@code br} can be chosen (brotli4j and its native library work here). */
	boolean brotli() {
		return this.brotli;
	}

	@Override
	public String toString() {
		return "NegotiatingStreamCompression[" + (this.brotli ? "br, gzip" : "gzip") + "]";
	}

}
