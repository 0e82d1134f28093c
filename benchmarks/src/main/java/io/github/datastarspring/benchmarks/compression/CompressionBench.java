package io.github.datastarspring.benchmarks.compression;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.decoder.DecoderJNI;
import com.aayushatharva.brotli4j.encoder.BrotliOutputStream;
import com.aayushatharva.brotli4j.encoder.Encoder;
import io.github.datastarspring.core.DatastarEventEncoder;
import io.github.datastarspring.core.PatchElements;

/**
 * Bytes on the wire for the TodoMVC fat-morph stream (100 todos, one toggled per event, the whole
 * list re-sent each time), compressed once per stream and flushed after every event so that each
 * event still arrives on its own. Each compressed stream is decoded chunk by chunk to prove that
 * every flush yields exactly one whole event. Prints a Markdown table.
 */
public final class CompressionBench {

	private static final int EVENTS = 1000;

	private static final int ROUNDS = 5;

	private CompressionBench() {
	}

	public static void main(String[] args) throws Exception {
		DatastarEventEncoder encoder = new DatastarEventEncoder();
		TodoPage page = new TodoPage();
		List<byte[]> events = new ArrayList<>();
		long raw = 0;
		for (int i = 0; i < EVENTS; i++) {
			page.toggle(i * 37);
			byte[] e = encoder.encode(PatchElements.builder().elements(page.render()).eventId(Integer.toString(i)).build());
			events.add(e);
			raw += e.length;
		}
		StringBuilder out = new StringBuilder();
		out.append(String.format(Locale.ROOT,
				"TodoMVC fat-morph stream: %,d events of %,d bytes on average (%,d bytes raw), one stream, flushed per event.%n%n",
				EVENTS, raw / EVENTS, raw));
		out.append("| encoding | bytes on the wire | ratio | bytes / event | compress + flush µs / event (median, p99) | every event decodable on arrival |\n");
		out.append("|---|---:|---:|---:|---:|---|\n");
		out.append(row("none", raw, raw, 0, 0, true));
		for (int level : new int[] { 1, 6, 9 }) {
			measure(out, "gzip level " + level, raw, events, () -> new GzipStream(level));
		}
		if (Brotli4jLoader.isAvailable()) {
			for (int quality : new int[] { 4, 5, 8 }) {
				measure(out, "Brotli q" + quality + " (window 2^22)", raw, events, () -> new BrotliStream(quality));
			}
		}
		else {
			out.append("| Brotli | not measured: brotli4j native library unavailable (")
				.append(Brotli4jLoader.getUnavailabilityCause())
				.append(") | | | | |\n");
		}
		System.out.print(out);
	}

	private static void measure(StringBuilder out, String name, long raw, List<byte[]> events, StreamFactory factory)
			throws IOException {
		long[] nanos = new long[events.size()];
		long wire = 0;
		boolean decodable = true;
		for (int round = 0; round < ROUNDS; round++) {
			CompressedStream stream = factory.create();
			List<byte[]> chunks = new ArrayList<>(events.size());
			for (int i = 0; i < events.size(); i++) {
				long t0 = System.nanoTime();
				byte[] chunk = stream.writeAndFlush(events.get(i));
				nanos[i] = System.nanoTime() - t0;
				chunks.add(chunk);
			}
			if (round == 0) {
				for (byte[] c : chunks) {
					wire += c.length;
				}
				decodable = stream.decodesOneByOne(chunks, events);
			}
			stream.close();
		}
		// Timings of the last round (JIT warm), in µs.
		Arrays.sort(nanos);
		out.append(row(name, raw, wire, nanos[nanos.length / 2] / 1000.0, nanos[(int) (nanos.length * 0.99)] / 1000.0,
				decodable));
	}

	private static String row(String name, long raw, long wire, double medianMicros, double p99Micros,
			boolean decodable) {
		return String.format(Locale.ROOT, "| %s | %,d | %.1f:1 | %,d | %.0f, %.0f | %s |%n", name, wire,
				(double) raw / wire, wire / EVENTS, medianMicros, p99Micros, decodable ? "yes" : "NO");
	}

	interface StreamFactory {

		CompressedStream create() throws IOException;

	}

	interface CompressedStream {

		/** Compresses one event and flushes: the returned bytes are what goes on the socket now. */
		byte[] writeAndFlush(byte[] event) throws IOException;

		/** Decodes the chunks in order and checks that each yields exactly its event. */
		boolean decodesOneByOne(List<byte[]> chunks, List<byte[]> events) throws IOException;

		void close();

	}

	/** gzip as {@code Content-Encoding: gzip}: a header, then raw deflate, SYNC_FLUSH after each event. */
	static final class GzipStream implements CompressedStream {

		private static final byte[] HEADER = { 0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff };

		private final Deflater deflater;

		private final byte[] buf = new byte[64 * 1024];

		private boolean headerSent;

		GzipStream(int level) {
			this.deflater = new Deflater(level, true);
		}

		@Override
		public byte[] writeAndFlush(byte[] event) {
			ByteArrayOutputStream out = new ByteArrayOutputStream(event.length / 8);
			if (!this.headerSent) {
				out.write(HEADER, 0, HEADER.length);
				this.headerSent = true;
			}
			this.deflater.setInput(event);
			int n;
			do {
				n = this.deflater.deflate(this.buf, 0, this.buf.length, Deflater.SYNC_FLUSH);
				out.write(this.buf, 0, n);
			}
			while (n == this.buf.length);
			return out.toByteArray();
		}

		@Override
		public boolean decodesOneByOne(List<byte[]> chunks, List<byte[]> events) throws IOException {
			Inflater inflater = new Inflater(true);
			byte[] out = new byte[256 * 1024];
			try {
				for (int i = 0; i < chunks.size(); i++) {
					byte[] c = chunks.get(i);
					int skip = (i == 0) ? HEADER.length : 0;
					inflater.setInput(c, skip, c.length - skip);
					int total = 0;
					int n;
					while ((n = inflater.inflate(out, total, out.length - total)) > 0) {
						total += n;
					}
					if (!Arrays.equals(Arrays.copyOf(out, total), events.get(i))) {
						return false;
					}
				}
				return true;
			}
			catch (java.util.zip.DataFormatException ex) {
				throw new IOException(ex);
			}
			finally {
				inflater.end();
			}
		}

		@Override
		public void close() {
			this.deflater.end();
		}

	}

	/** Brotli as {@code Content-Encoding: br}: one encoder per stream, a flush after each event. */
	static final class BrotliStream implements CompressedStream {

		private final ChunkSink sink = new ChunkSink();

		private final BrotliOutputStream brotli;

		BrotliStream(int quality) throws IOException {
			this.brotli = new BrotliOutputStream(this.sink, new Encoder.Parameters().setQuality(quality).setWindow(22),
					64 * 1024);
		}

		@Override
		public byte[] writeAndFlush(byte[] event) throws IOException {
			this.brotli.write(event);
			this.brotli.flush();
			return this.sink.take();
		}

		@Override
		public boolean decodesOneByOne(List<byte[]> chunks, List<byte[]> events) throws IOException {
			DecoderJNI.Wrapper decoder = new DecoderJNI.Wrapper(256 * 1024);
			try {
				for (int i = 0; i < chunks.size(); i++) {
					byte[] c = chunks.get(i);
					ByteBuffer in = decoder.getInputBuffer();
					in.clear();
					in.put(c);
					decoder.push(c.length);
					ByteArrayOutputStream decoded = new ByteArrayOutputStream();
					while (true) {
						DecoderJNI.Status status = decoder.getStatus();
						if (decoder.hasOutput() || status == DecoderJNI.Status.NEEDS_MORE_OUTPUT) {
							ByteBuffer o = decoder.pull();
							byte[] b = new byte[o.remaining()];
							o.get(b);
							decoded.write(b);
						}
						else if (status == DecoderJNI.Status.OK) {
							decoder.push(0);
						}
						else if (status == DecoderJNI.Status.NEEDS_MORE_INPUT) {
							break;
						}
						else {
							return false;
						}
					}
					if (!Arrays.equals(decoded.toByteArray(), events.get(i))) {
						return false;
					}
				}
				return true;
			}
			finally {
				decoder.destroy();
			}
		}

		@Override
		public void close() {
			try {
				this.brotli.close();
			}
			catch (IOException ex) {
				// measuring only
			}
		}

	}

	/** Collects what the compressor wrote since the last {@link #take()}. */
	static final class ChunkSink extends ByteArrayOutputStream {

		byte[] take() {
			byte[] b = toByteArray();
			reset();
			return b;
		}

	}

}
