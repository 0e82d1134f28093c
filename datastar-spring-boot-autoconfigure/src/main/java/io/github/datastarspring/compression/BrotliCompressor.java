package io.github.datastarspring.compression;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.Encoder;
import com.aayushatharva.brotli4j.encoder.EncoderJNI;
import io.github.datastarspring.core.StreamCompressor;

/**
 * {@code Content-Encoding: br} through brotli4j's native encoder, one per stream: every chunk is
 * pushed with a flush, so it decodes whole on arrival while later chunks still reference it
 * through the window. Only loaded once brotli4j and its native library are known to work.
 */
final class BrotliCompressor implements StreamCompressor {

	/** Native input buffer per stream; larger chunks go through it in pieces. */
	private static final int INPUT_BUFFER = 16 * 1024;

	private final EncoderJNI.Wrapper encoder;

	/** Total length after which the stream is finished; -1 for a stream that never is. */
	private final long finishAfter;

	private long consumed;

	private boolean finished;

	private boolean closed;

	BrotliCompressor(int quality, int window, long finishAfter) {
		// Loads the native library on first use (a no-op after): throws if it cannot be loaded.
		Brotli4jLoader.ensureAvailability();
		try {
			this.encoder = new EncoderJNI.Wrapper(INPUT_BUFFER, quality, window, Encoder.Mode.TEXT);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Brotli encoder could not be created", ex);
		}
		this.finishAfter = finishAfter;
	}

	@Override
	public String encoding() {
		return "br";
	}

	@Override
	public synchronized byte[] compress(byte[] chunk) {
		if (this.closed) {
			throw new IllegalStateException("Brotli compressor already closed");
		}
		if (this.finished) {
			throw new IllegalStateException("More bytes than the " + this.finishAfter + " announced for this answer");
		}
		this.consumed += chunk.length;
		this.finished = this.finishAfter >= 0 && this.consumed >= this.finishAfter;
		Output out = new Output(chunk.length);
		int offset = 0;
		do {
			int length = Math.min(INPUT_BUFFER, chunk.length - offset);
			boolean last = offset + length == chunk.length;
			ByteBuffer input = this.encoder.getInputBuffer();
			input.clear();
			input.put(chunk, offset, length);
			offset += length;
			EncoderJNI.Operation operation = !last ? EncoderJNI.Operation.PROCESS
					: this.finished ? EncoderJNI.Operation.FINISH : EncoderJNI.Operation.FLUSH;
			push(operation, length, out);
		}
		while (offset < chunk.length);
		return out.toByteArray();
	}

	/** Pushes the input, then drains until the encoder has consumed it and emitted all it owes. */
	private void push(EncoderJNI.Operation operation, int length, Output out) {
		this.encoder.push(operation, length);
		while (true) {
			if (!this.encoder.isSuccess()) {
				throw new IllegalStateException("Brotli encoding failed");
			}
			if (this.encoder.hasMoreOutput()) {
				out.append(this.encoder.pull());
			}
			else if (this.encoder.hasRemainingInput()) {
				this.encoder.push(operation, 0);
			}
			else {
				return;
			}
		}
	}

	@Override
	public synchronized void close() {
		if (!this.closed) {
			this.closed = true;
			this.encoder.destroy();
		}
	}

	/** The compressed bytes of one chunk, usually tens of bytes for a fat morph. */
	private static final class Output {

		private byte[] bytes;

		private int length;

		Output(int inputLength) {
			this.bytes = new byte[Math.max(64, Math.min(inputLength / 8, 8192))];
		}

		void append(ByteBuffer buffer) {
			int n = buffer.remaining();
			if (this.length + n > this.bytes.length) {
				this.bytes = Arrays.copyOf(this.bytes, Math.max(this.bytes.length * 2, this.length + n));
			}
			buffer.get(this.bytes, this.length, n);
			this.length += n;
		}

		byte[] toByteArray() {
			return Arrays.copyOf(this.bytes, this.length);
		}

	}

}
