package io.github.datastarspring.benchmarks.encoding;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The JMH benchmarks timed with the thread's own CPU clock instead of the wall clock: on a shared
 * machine the wall clock also counts the time other processes held the core, the thread CPU clock
 * does not. Median of 15 rounds of 200 ms each after 3 s of warm-up per benchmark; prints Markdown.
 */
public final class CpuTimeEncoding {

	private CpuTimeEncoding() {
	}

	public static void main(String[] args) {
		EncodingBenchmark b = new EncodingBenchmark();
		b.setUp();
		EncoderAnatomyBenchmark a = new EncoderAnatomyBenchmark();
		a.setUp();
		Map<String, Supplier<Object>> cases = new LinkedHashMap<>();
		cases.put("starterPatchElements", b::starterPatchElements);
		cases.put("starterPatchElementsPrebuilt", b::starterPatchElementsPrebuilt);
		cases.put("starterPatchSignals", b::starterPatchSignals);
		cases.put("sseEmitterPatchElements", b::sseEmitterPatchElements);
		cases.put("sseEmitterPatchSignals", b::sseEmitterPatchSignals);
		cases.put("serverSentEventPatchElements", b::serverSentEventPatchElements);
		cases.put("serverSentEventPatchSignals", b::serverSentEventPatchSignals);
		cases.put("anatomy.copyOutput", a::copyOutput);
		cases.put("anatomy.stringGetBytesUtf8", a::stringGetBytesUtf8);
		cases.put("anatomy.charAtLineScan", a::charAtLineScan);
		cases.put("anatomy.charAtAsciiCopy", a::charAtAsciiCopy);
		cases.put("anatomy.byteLineScan", a::byteLineScan);
		cases.put("anatomy.prototypeIndexOfArraycopy", a::prototypeIndexOfArraycopy);
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		StringBuilder out = new StringBuilder("| benchmark | CPU ns / event (median of 15, min–max) |\n|---|---:|\n");
		for (Map.Entry<String, Supplier<Object>> c : cases.entrySet()) {
			Supplier<Object> s = c.getValue();
			long warmEnd = System.nanoTime() + 3_000_000_000L;
			while (System.nanoTime() < warmEnd) {
				for (int i = 0; i < 1000; i++) {
					sink(s.get());
				}
			}
			double[] rounds = new double[15];
			for (int r = 0; r < rounds.length; r++) {
				long ops = 0;
				long cpu0 = threads.getCurrentThreadCpuTime();
				long end = System.nanoTime() + 200_000_000L;
				while (System.nanoTime() < end) {
					for (int i = 0; i < 200; i++) {
						sink(s.get());
					}
					ops += 200;
				}
				rounds[r] = (double) (threads.getCurrentThreadCpuTime() - cpu0) / ops;
			}
			java.util.Arrays.sort(rounds);
			out.append(String.format(Locale.ROOT, "| %s | %,.0f (%,.0f–%,.0f) |%n", c.getKey(), rounds[7], rounds[0],
					rounds[14]));
		}
		System.out.print(out);
	}

	/** Keeps results alive so the JIT cannot drop the work; a volatile store costs about a nanosecond. */
	private static volatile Object blackhole;

	private static void sink(Object o) {
		blackhole = o;
	}

}
