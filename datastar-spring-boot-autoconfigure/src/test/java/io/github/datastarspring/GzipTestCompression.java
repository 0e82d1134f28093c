package io.github.datastarspring;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

import io.github.datastarspring.core.StreamCompression;
import io.github.datastarspring.core.StreamCompressor;
import org.jspecify.annotations.Nullable;

/** A small JDK-gzip {@link StreamCompression} for tests: gzip when asked for, each chunk sync-flushed. */
public class GzipTestCompression implements StreamCompression {

	/** Compressors closed so far. */
	public final AtomicInteger closed = new AtomicInteger();

	@Override
	public @Nullable StreamCompressor forStream(@Nullable String acceptEncoding) {
		return (acceptEncoding != null && acceptEncoding.contains("gzip")) ? new Gzip() : null;
	}

	@Override
	public @Nullable StreamCompressor forResponse(@Nullable String acceptEncoding, int contentLength) {
		return (contentLength >= 64) ? forStream(acceptEncoding) : null;
	}

	private final class Gzip implements StreamCompressor {

		private final ByteArrayOutputStream out = new ByteArrayOutputStream();

		private final GZIPOutputStream gzip;

		private boolean done;

		Gzip() {
			try {
				this.gzip = new GZIPOutputStream(this.out, true);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		@Override
		public String encoding() {
			return "gzip";
		}

		@Override
		public byte[] compress(byte[] chunk) {
			try {
				this.gzip.write(chunk);
				this.gzip.flush();
				byte[] bytes = this.out.toByteArray();
				this.out.reset();
				return bytes;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		@Override
		public void close() {
			if (!this.done) {
				this.done = true;
				GzipTestCompression.this.closed.incrementAndGet();
			}
		}

	}

}
