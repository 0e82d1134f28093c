package io.github.datastarspring.benchmarks.compression;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.github.datastarspring.core.DatastarEventEncoder;
import io.github.datastarspring.core.PatchElements;
import io.github.datastarspring.core.StreamCompressor;

/**
 * Memory a compressed stream holds for its life: N compressors from the starter's
 * {@code StreamCompression} bean, each fed the same TodoMVC fat-morph events (100 todos), then the
 * process's resident set (most of a compressor's state is native) and heap are compared with
 * before. Prints one Markdown row.
 * <p>
 * Usage: {@code CompressorMemory ENCODING N EVENTS [datastar.compression.x=y ...]}. Stops early
 * (and says so) when the machine's available memory falls below 3 GB.
 */
public final class CompressorMemory {

	private static final long RESERVE_KB = 3L * 1024 * 1024;

	private CompressorMemory() {
	}

	public static void main(String[] args) throws Exception {
		String encoding = args[0];
		int n = Integer.parseInt(args[1]);
		int eventCount = Integer.parseInt(args[2]);
		String[] properties = java.util.Arrays.copyOfRange(args, 3, args.length);
		DatastarEventEncoder encoder = new DatastarEventEncoder();
		TodoPage page = new TodoPage(100);
		List<byte[]> events = new ArrayList<>();
		for (int i = 0; i < eventCount; i++) {
			page.toggle(i * 37);
			events.add(encoder.encode(PatchElements.builder().elements(page.render()).build()));
		}
		try (StarterCompression starter = new StarterCompression(properties)) {
			// Load and warm the native code, so that its one-time cost is not counted per stream.
			try (StreamCompressor warm = starter.compression.forStream(encoding)) {
				events.forEach(warm::compress);
			}
			settle();
			long rssBefore = rssKb();
			long heapBefore = heapBytes();
			List<StreamCompressor> compressors = new ArrayList<>(n);
			String stopped = "";
			for (int i = 0; i < n; i++) {
				if (i % 500 == 0 && availableKb() < RESERVE_KB) {
					stopped = " (stopped at " + i + ": machine memory low)";
					break;
				}
				StreamCompressor compressor = starter.compression.forStream(encoding);
				for (byte[] event : events) {
					compressor.compress(event);
				}
				compressors.add(compressor);
			}
			settle();
			long rssAfter = rssKb();
			long heapAfter = heapBytes();
			int made = compressors.size();
			System.out.printf(Locale.ROOT, "| %s | %s | %,d%s | %d | %,.0f | %,.1f | %,.0f |%n", encoding,
					String.join(", ", properties).replace("datastar.compression.", ""), made, stopped, eventCount,
					(rssAfter - rssBefore) / (double) made, (heapAfter - heapBefore) / 1024.0 / made,
					(rssAfter - rssBefore) / 1024.0);
			compressors.forEach(StreamCompressor::close);
		}
	}

	private static void settle() {
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
	}

	private static long heapBytes() {
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	private static long rssKb() throws IOException {
		return field(Path.of("/proc/self/status"), "VmRSS:");
	}

	private static long availableKb() throws IOException {
		return field(Path.of("/proc/meminfo"), "MemAvailable:");
	}

	private static long field(Path file, String name) throws IOException {
		for (String line : Files.readAllLines(file)) {
			if (line.startsWith(name)) {
				return Long.parseLong(line.substring(name.length()).trim().split("\\s+")[0]);
			}
		}
		throw new IllegalStateException(name + " not in " + file);
	}

}
