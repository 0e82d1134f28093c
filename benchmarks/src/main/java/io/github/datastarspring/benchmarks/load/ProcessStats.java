package io.github.datastarspring.benchmarks.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time and resident memory of a Linux process, read from /proc. */
final class ProcessStats {

	/** USER_HZ: the unit of utime/stime in /proc/PID/stat on Linux. */
	private static final double TICKS_PER_SECOND = 100.0;

	private ProcessStats() {
	}

	/** User + system CPU seconds used so far by {@code pid} ("self" for this process). */
	static double cpuSeconds(String pid) {
		try {
			String stat = Files.readString(Path.of("/proc", pid, "stat"));
			// Fields after the command name (which may contain spaces) start after the last ')'.
			String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND;
		}
		catch (IOException ex) {
			return Double.NaN;
		}
	}

	/** Resident set size in bytes. */
	static long rssBytes(String pid) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
				}
			}
		}
		catch (IOException ex) {
			// gone
		}
		return -1;
	}

}
