package io.github.datastarspring.sample.dashboard.metrics;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.lang.management.OperatingSystemMXBean;

/** Heap and CPU of this JVM, straight from the platform MXBeans (JMX). */
public class JvmMetricsReader {

	private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

	private final OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();

	/** Heap in use, in bytes. */
	public long heapUsed() {
		return this.memory.getHeapMemoryUsage().getUsed();
	}

	/** The heap limit in bytes (committed heap when the JVM reports no maximum). */
	public long heapMax() {
		MemoryUsage heap = this.memory.getHeapMemoryUsage();
		return (heap.getMax() > 0) ? heap.getMax() : heap.getCommitted();
	}

	/** CPU used by this process, 0 to 1 of the whole machine; 0 when the JVM cannot tell. */
	public double processCpu() {
		if (this.os instanceof com.sun.management.OperatingSystemMXBean sun) {
			return Math.max(0, sun.getProcessCpuLoad());
		}
		return 0;
	}

}
