package io.github.datastarspring.benchmarks.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the memory per stream goes: the difference between two {@code jcmd GC.class_histogram}
 * outputs (a server with no stream, the same server with N idle streams), per stream, largest first.
 * Usage: {@code HistogramDiff before.txt after.txt N}.
 */
public final class HistogramDiff {

	private static final Pattern ROW = Pattern.compile("\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+).*");

	private HistogramDiff() {
	}

	public static void main(String[] args) throws IOException {
		Map<String, long[]> before = read(Path.of(args[0]));
		Map<String, long[]> after = read(Path.of(args[1]));
		int n = Integer.parseInt(args[2]);
		List<Object[]> rows = new ArrayList<>();
		long total = 0;
		for (Map.Entry<String, long[]> e : after.entrySet()) {
			long[] b = before.getOrDefault(e.getKey(), new long[2]);
			long bytes = e.getValue()[1] - b[1];
			total += bytes;
			rows.add(new Object[] { e.getKey(), bytes, e.getValue()[0] - b[0] });
		}
		rows.sort((x, y) -> Long.compare((long) y[1], (long) x[1]));
		StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
				"Live heap per stream: %.1f KB%n%n| class | bytes / stream | instances / stream |%n|---|---:|---:|%n",
				total / 1024.0 / n));
		for (Object[] r : rows.subList(0, Math.min(12, rows.size()))) {
			out.append(String.format(Locale.ROOT, "| `%s` | %,.0f | %.1f |%n", r[0], (long) r[1] / (double) n,
					(long) r[2] / (double) n));
		}
		System.out.print(out);
	}

	private static Map<String, long[]> read(Path path) throws IOException {
		Map<String, long[]> classes = new HashMap<>();
		for (String line : Files.readAllLines(path)) {
			Matcher m = ROW.matcher(line);
			if (m.matches()) {
				classes.put(m.group(3), new long[] { Long.parseLong(m.group(1)), Long.parseLong(m.group(2)) });
			}
		}
		return classes;
	}

}
