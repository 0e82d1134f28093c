package io.github.datastarspring.benchmarks.compression;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.decoder.DecoderJNI;
import io.github.datastarspring.core.DatastarEventEncoder;
import io.github.datastarspring.core.PatchElements;
import io.github.datastarspring.core.StreamCompression;
import io.github.datastarspring.core.StreamCompressor;

/**
 * Bytes on the wire and CPU per event for the TodoMVC fat-morph stream (100 todos, one toggled
 * per event, the whole list re-sent each time), compressed by the starter's own
 * {@link StreamCompression} bean (built by its auto-configuration from
 * {@code datastar.compression.*}), one compressor per stream, flushed after every event. Each
 * compressed stream is then decoded chunk by chunk, as a browser receives it, to prove that every
 * flush yields exactly one whole event. Prints Markdown tables.
 */
public final class CompressionBench {

	private static final int EVENTS = 1000;

	private static final int ROUNDS = 5;

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	private CompressionBench() {
	}

	public static void main(String[] args) throws Exception {
		StringBuilder out = new StringBuilder();
		List<byte[]> events = events(100);
		long raw = total(events);
		out.append(String.format(Locale.ROOT,
				"TodoMVC fat-morph stream, 100 todos: %,d events of %,d bytes on average (%,d bytes raw), one stream, flushed per event, compressed by the starter's StreamCompression bean.%n%n",
				EVENTS, raw / EVENTS, raw));
		header(out);
		out.append(row("none (identity)", "", raw, raw, 0, 0, true));
		measure(out, "gzip", "gzip.level=1", events, raw);
		measure(out, "gzip", "gzip.level=6 (default)", events, raw);
		measure(out, "gzip", "gzip.level=9", events, raw);
		if (Brotli4jLoader.isAvailable()) {
			measure(out, "br", "brotli.quality=4, window=20", events, raw);
			measure(out, "br", "brotli.quality=5, window=18", events, raw);
			measure(out, "br", "brotli.quality=5, window=20 (default)", events, raw);
			measure(out, "br", "brotli.quality=5, window=22", events, raw);
			measure(out, "br", "brotli.quality=6, window=20", events, raw);
			measure(out, "br", "brotli.quality=8, window=20", events, raw);
			List<byte[]> big = events(250);
			long bigRaw = total(big);
			out.append(String.format(Locale.ROOT,
					"%nThe same with 250 todos (%,d bytes per event): the window must hold a whole event.%n%n",
					bigRaw / EVENTS));
			header(out);
			measure(out, "br", "brotli.quality=5, window=18", big, bigRaw);
			measure(out, "br", "brotli.quality=5, window=19", big, bigRaw);
			measure(out, "br", "brotli.quality=5, window=20 (default)", big, bigRaw);
		}
		else {
			out.append("| Brotli | not measured: brotli4j native library unavailable (")
				.append(Brotli4jLoader.getUnavailabilityCause())
				.append(") | | | | | |\n");
		}
		System.out.print(out);
	}

	private static List<byte[]> events(int todos) {
		DatastarEventEncoder encoder = new DatastarEventEncoder();
		TodoPage page = new TodoPage(todos);
		List<byte[]> events = new ArrayList<>();
		for (int i = 0; i < EVENTS; i++) {
			page.toggle(i * 37);
			events.add(encoder.encode(PatchElements.builder().elements(page.render()).eventId(Integer.toString(i)).build()));
		}
		return events;
	}

	private static long total(List<byte[]> events) {
		long total = 0;
		for (byte[] e : events) {
			total += e.length;
		}
		return total;
	}

	private static void header(StringBuilder out) {
		out.append("| encoding | settings (datastar.compression.*) | bytes on the wire | ratio | bytes / event | CPU µs / event (median, p99) | every event decodable on arrival |\n");
		out.append("|---|---|---:|---:|---:|---:|---|\n");
	}

	private static void measure(StringBuilder out, String encoding, String settings, List<byte[]> events, long raw) {
		String[] properties = properties(settings);
		long[] nanos = new long[events.size()];
		long wire = 0;
		boolean decodable = true;
		try (StarterCompression starter = new StarterCompression(properties)) {
			for (int round = 0; round < ROUNDS; round++) {
				List<byte[]> chunks = new ArrayList<>(events.size());
				try (StreamCompressor compressor = starter.compression.forStream(encoding)) {
					if (!compressor.encoding().equals(encoding)) {
						throw new IllegalStateException("Asked for " + encoding + ", got " + compressor.encoding());
					}
					for (int i = 0; i < events.size(); i++) {
						long t0 = THREADS.getCurrentThreadCpuTime();
						byte[] chunk = compressor.compress(events.get(i));
						nanos[i] = THREADS.getCurrentThreadCpuTime() - t0;
						chunks.add(chunk);
					}
				}
				if (round == 0) {
					for (byte[] c : chunks) {
						wire += c.length;
					}
					decodable = encoding.equals("br") ? brotliDecodesOneByOne(chunks, events)
							: gzipDecodesOneByOne(chunks, events);
				}
			}
		}
		// Timings of the last round (JIT warm), on the thread's own CPU clock.
		Arrays.sort(nanos);
		out.append(row(encoding, settings, raw, wire, nanos[nanos.length / 2] / 1000.0,
				nanos[(int) (nanos.length * 0.99)] / 1000.0, decodable));
	}

	/** "brotli.quality=5, window=20 (default)" -> datastar.compression.brotli.quality=5, ...window=20. */
	private static String[] properties(String settings) {
		String plain = settings.replace(" (default)", "");
		String prefix = plain.substring(0, plain.indexOf('.') + 1);
		String[] parts = plain.split(", ");
		String[] properties = new String[parts.length];
		for (int i = 0; i < parts.length; i++) {
			properties[i] = "datastar.compression." + (parts[i].startsWith(prefix) ? parts[i] : prefix + parts[i]);
		}
		return properties;
	}

	private static String row(String encoding, String settings, long raw, long wire, double medianMicros,
			double p99Micros, boolean decodable) {
		return String.format(Locale.ROOT, "| %s | %s | %,d | %.1f:1 | %,d | %.0f, %.0f | %s |%n", encoding, settings, wire,
				(double) raw / wire, wire / EVENTS, medianMicros, p99Micros, decodable ? "yes" : "NO");
	}

	/** Decodes gzip chunks in order (header first) and checks that each yields exactly its event. */
	static boolean gzipDecodesOneByOne(List<byte[]> chunks, List<byte[]> events) {
		Inflater inflater = new Inflater(true);
		byte[] out = new byte[1024 * 1024];
		try {
			for (int i = 0; i < chunks.size(); i++) {
				byte[] c = chunks.get(i);
				int skip = (i == 0) ? 10 : 0;
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
		catch (DataFormatException ex) {
			return false;
		}
		finally {
			inflater.end();
		}
	}

	/** Decodes Brotli chunks in order and checks that each yields exactly its event. */
	static boolean brotliDecodesOneByOne(List<byte[]> chunks, List<byte[]> events) {
		DecoderJNI.Wrapper decoder;
		try {
			decoder = new DecoderJNI.Wrapper(256 * 1024);
		}
		catch (IOException ex) {
			return false;
		}
		try {
			for (int i = 0; i < chunks.size(); i++) {
				byte[] c = chunks.get(i);
				ByteBuffer in = decoder.getInputBuffer();
				in.clear();
				in.put(c);
				decoder.push(c.length);
				ByteArrayOutputStream decoded = new ByteArrayOutputStream();
				boolean drained = false;
				while (true) {
					DecoderJNI.Status status = decoder.getStatus();
					if (decoder.hasOutput() || status == DecoderJNI.Status.NEEDS_MORE_OUTPUT) {
						ByteBuffer o = decoder.pull();
						byte[] b = new byte[o.remaining()];
						o.get(b);
						decoded.writeBytes(b);
					}
					else if (status == DecoderJNI.Status.OK) {
						decoder.push(0);
					}
					else if (status == DecoderJNI.Status.NEEDS_MORE_INPUT && !drained) {
						// brotli4j's decoder keeps bytes that crossed its ring buffer's end until pushed again.
						drained = true;
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

}
