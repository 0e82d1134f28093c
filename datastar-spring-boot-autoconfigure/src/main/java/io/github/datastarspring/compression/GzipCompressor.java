package io.github.datastarspring.compression;

import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import io.github.datastarspring.core.StreamCompressor;

/**
 * {@code Content-Encoding: gzip} through the JDK's {@link Deflater}: the gzip header with the first
 * chunk, then raw deflate with {@link Deflater#SYNC_FLUSH} after every chunk, so each chunk ends on
 * a byte boundary and decodes whole on arrival. A one-shot answer of known length also gets the
 * gzip trailer once all its bytes went through.
 */
final class GzipCompressor implements StreamCompressor {

	/** Magic, deflate, no flags, no time, no extra flags, unknown OS. */
	private static final byte[] HEADER = { 0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff };

	private static final int TRAILER_LENGTH = 8;

	private final Deflater deflater;

	private final CRC32 crc = new CRC32();

	/** Total length after which the stream is finished; -1 for a stream that never is. */
	private final long finishAfter;

	private long consumed;

	private boolean headerWritten;

	private boolean finished;

	private boolean closed;

	GzipCompressor(int level, long finishAfter) {
		this.deflater = new Deflater(level, true);
		this.finishAfter = finishAfter;
	}

	@Override
	public String encoding() {
		return "gzip";
	}

	@Override
	public synchronized byte[] compress(byte[] chunk) {
		if (this.closed) {
			throw new IllegalStateException("gzip compressor already closed");
		}
		if (this.finished) {
			throw new IllegalStateException("More bytes than the " + this.finishAfter + " announced for this answer");
		}
		this.consumed += chunk.length;
		boolean finish = this.finishAfter >= 0 && this.consumed >= this.finishAfter;
		// Deflate rarely grows text; the array grows if it does.
		byte[] out = new byte[Math.max(64, chunk.length / 4 + 32)];
		int length = 0;
		if (!this.headerWritten) {
			System.arraycopy(HEADER, 0, out, 0, HEADER.length);
			length = HEADER.length;
			this.headerWritten = true;
		}
		this.deflater.setInput(chunk);
		if (finish) {
			this.crc.update(chunk);
			this.finished = true;
			this.deflater.finish();
			while (!this.deflater.finished()) {
				if (length == out.length) {
					out = Arrays.copyOf(out, out.length * 2);
				}
				length += this.deflater.deflate(out, length, out.length - length);
			}
			out = Arrays.copyOf(out, length + TRAILER_LENGTH);
			writeIntLittleEndian(out, length, (int) this.crc.getValue());
			writeIntLittleEndian(out, length + 4, (int) this.consumed);
			return out;
		}
		if (this.finishAfter >= 0) {
			this.crc.update(chunk);
		}
		while (true) {
			int written = this.deflater.deflate(out, length, out.length - length, Deflater.SYNC_FLUSH);
			length += written;
			// SYNC_FLUSH is complete only once deflate leaves room in the output.
			if (length < out.length) {
				return Arrays.copyOf(out, length);
			}
			out = Arrays.copyOf(out, out.length * 2);
		}
	}

	@Override
	public synchronized void close() {
		if (!this.closed) {
			this.closed = true;
			this.deflater.end();
		}
	}

	private static void writeIntLittleEndian(byte[] out, int offset, int value) {
		out[offset] = (byte) value;
		out[offset + 1] = (byte) (value >>> 8);
		out[offset + 2] = (byte) (value >>> 16);
		out[offset + 3] = (byte) (value >>> 24);
	}

}
