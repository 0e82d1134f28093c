package io.github.datastarspring.compression;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Compression of event streams and one-shot answers, negotiated from {@code Accept-Encoding}:
 * {@code br} when brotli4j and its native library are present, then {@code gzip}, else identity.
 * The defaults come from the TodoMVC fat-morph measurement in docs/performance.md.
 *
 * @param enabled whether responses are compressed at all
 * @param brotli Brotli settings
 * @param gzip gzip settings
 * @param minResponseSize one-shot answers smaller than this are sent uncompressed (streams are
 * always compressed when the client accepts it: their events compress against each other)
 */
@ConfigurationProperties("datastar.compression")
public record DatastarCompressionProperties(@DefaultValue("true") boolean enabled, @DefaultValue Brotli brotli,
		@DefaultValue Gzip gzip, @DefaultValue("2KB") DataSize minResponseSize) {

	public DatastarCompressionProperties {
		if (minResponseSize.isNegative()) {
			throw new IllegalArgumentException(
					"datastar.compression.min-response-size must not be negative, was " + minResponseSize);
		}
	}

	/**
	 * Brotli, per stream.
	 *
	 * @param quality 0 (fastest) to 11 (smallest); above 5 costs CPU for little gain on a stream
	 * @param window base-2 logarithm of the window, 10 to 24: the window must hold a whole event for
	 * the next one to compress against it, and it is memory held for the life of each stream
	 */
	public record Brotli(@DefaultValue("5") int quality, @DefaultValue("20") int window) {

		public Brotli {
			if (quality < 0 || quality > 11) {
				throw new IllegalArgumentException(
						"datastar.compression.brotli.quality must be between 0 and 11, was " + quality);
			}
			if (window < 10 || window > 24) {
				throw new IllegalArgumentException(
						"datastar.compression.brotli.window must be between 10 and 24 (log2 of bytes), was " + window);
			}
		}

	}

	/**
	 * gzip, per stream (deflate's window is fixed at 32 KB by the format).
	 *
	 * @param level 1 (fastest) to 9 (smallest)
	 */
	public record Gzip(@DefaultValue("6") int level) {

		public Gzip {
			if (level < 1 || level > 9) {
				throw new IllegalArgumentException(
						"datastar.compression.gzip.level must be between 1 and 9, was " + level);
			}
		}

	}

}
