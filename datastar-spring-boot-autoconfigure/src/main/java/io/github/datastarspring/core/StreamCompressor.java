package io.github.datastarspring.core;

/**
 * Compresses the bytes of one event stream, for one connection. A compressor keeps its window
 * across events (that is where a fat-morph stream's ratio comes from), so it is never shared
 * between streams; the stream calls it from its single writer only, in event order.
 */
public interface StreamCompressor extends AutoCloseable {

	/** The {@code Content-Encoding} token this compressor writes, such as {@code br} or {@code gzip}. */
	String encoding();

	/**
	 * Compresses one chunk (one or more whole events, or a heartbeat comment) and flushes, so that
	 * the bytes returned decode to the whole chunk as soon as they arrive.
	 */
	byte[] compress(byte[] chunk);

	/** Releases the window and any native memory. Idempotent; called once when the stream ends. */
	@Override
	void close();

}
