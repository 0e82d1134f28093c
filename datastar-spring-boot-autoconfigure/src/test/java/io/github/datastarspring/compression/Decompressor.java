package io.github.datastarspring.compression;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;

import com.aayushatharva.brotli4j.decoder.DecoderJNI;

/**
 * A client's side of a compressed stream: decodes what has arrived so far, chunk by chunk, and
 * returns exactly the bytes a browser could hand to its SSE parser at that moment.
 */
abstract class Decompressor implements AutoCloseable {

	static Decompressor forEncoding(String encoding) {
		return switch (encoding) {
			case "gzip" -> new Gzip();
			case "br" -> new Brotli();
			default -> throw new IllegalArgumentException(encoding);
		};
	}

	/** What the chunk just received decodes to, using the state of every chunk before it. */
	abstract byte[] decode(byte[] chunk);

	/** Whether the compressed stream has properly ended (trailer or last block seen). */
	abstract boolean ended();

	@Override
	public abstract void close();

	/** A whole, finished gzip member, decoded the ordinary way (checks CRC and length). */
	static byte[] gunzip(byte[] member) {
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(member))) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static final class Gzip extends Decompressor {

		private final Inflater inflater = new Inflater(true);

		private boolean headerSkipped;

		@Override
		byte[] decode(byte[] chunk) {
			int offset = 0;
			if (!this.headerSkipped) {
				if (chunk.length < 10 || chunk[0] != 0x1f || chunk[1] != (byte) 0x8b || chunk[2] != 8) {
					throw new IllegalStateException("No gzip header: " + Arrays.toString(chunk));
				}
				offset = 10;
				this.headerSkipped = true;
			}
			this.inflater.setInput(chunk, offset, chunk.length - offset);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			byte[] buffer = new byte[64 * 1024];
			try {
				int n;
				while ((n = this.inflater.inflate(buffer)) > 0) {
					out.write(buffer, 0, n);
				}
			}
			catch (DataFormatException ex) {
				throw new IllegalStateException(ex);
			}
			return out.toByteArray();
		}

		@Override
		boolean ended() {
			return this.inflater.finished();
		}

		@Override
		public void close() {
			this.inflater.end();
		}

	}

	static final class Brotli extends Decompressor {

		private final DecoderJNI.Wrapper decoder;

		private boolean ended;

		Brotli() {
			try {
				this.decoder = new DecoderJNI.Wrapper(256 * 1024);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		@Override
		byte[] decode(byte[] chunk) {
			ByteBuffer in = this.decoder.getInputBuffer();
			in.clear();
			in.put(chunk);
			this.decoder.push(chunk.length);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			boolean drained = false;
			while (true) {
				DecoderJNI.Status status = this.decoder.getStatus();
				if (this.decoder.hasOutput() || status == DecoderJNI.Status.NEEDS_MORE_OUTPUT) {
					ByteBuffer o = this.decoder.pull();
					byte[] b = new byte[o.remaining()];
					o.get(b);
					out.writeBytes(b);
				}
				else if (status == DecoderJNI.Status.OK) {
					this.decoder.push(0);
				}
				else if (status == DecoderJNI.Status.NEEDS_MORE_INPUT && !drained) {
					// brotli4j's decoder keeps bytes that crossed its ring buffer's end until pushed
					// again; a browser's decoder (an output buffer, no "take output") hands them over.
					drained = true;
					this.decoder.push(0);
				}
				else if (status == DecoderJNI.Status.NEEDS_MORE_INPUT) {
					return out.toByteArray();
				}
				else if (status == DecoderJNI.Status.DONE) {
					this.ended = true;
					return out.toByteArray();
				}
				else {
					throw new IllegalStateException("Brotli decoding failed: " + status);
				}
			}
		}

		@Override
		boolean ended() {
			return this.ended;
		}

		@Override
		public void close() {
			this.decoder.destroy();
		}

	}

}
