package io.github.datastarspring.benchmarks.load;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The fan-out benchmark: starts each server in turn, holds N SSE connections to it over loopback,
 * drives its publisher through the same phases, samples its CPU and memory, and appends one
 * Markdown row per server. Every phase is bounded in time; the whole run stops by itself.
 *
 * <pre>
 * java -cp ... Bench --n 1000 --out results/raw/fanout-1000.md \
 *     --server "name|dir|command line with {port}" ...
 * </pre>
 */
public final class Bench {

	private static final int PORT = 18080;

	private final int n;

	private final double fixedRate;

	private final int fixedSeconds;

	private final double saturationSeconds = 8;

	/**
	 * Server CPU µs per delivery at the fixed rate and at saturation, by server, in run order: for
	 * the ratio table.
	 */
	private final Map<String, double[]> cpuPerDelivery = new LinkedHashMap<>();

	private final List<String> rows = new ArrayList<>();

	private Bench(int n) {
		this.n = n;
		this.fixedRate = (n <= 1000) ? 10 : 4;
		this.fixedSeconds = (n <= 1000) ? 10 : 5;
	}

	public static void main(String[] args) throws Exception {
		int n = 1000;
		Path out = Path.of("results/raw/fanout.md");
		List<String[]> servers = new ArrayList<>();
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--n" -> n = Integer.parseInt(args[++i]);
				case "--out" -> out = Path.of(args[++i]);
				case "--server" -> servers.add(args[++i].split("\\|", 3));
				default -> throw new IllegalArgumentException("Unknown argument " + args[i]);
			}
		}
		if (n < 1 || n > SseClients.MAX_CONNECTIONS) {
			throw new IllegalArgumentException("--n must be between 1 and " + SseClients.MAX_CONNECTIONS);
		}
		Bench bench = new Bench(n);
		for (String[] server : servers) {
			String row;
			try {
				row = bench.run(server[0], Path.of(server[1]), server[2].replace("{port}", Integer.toString(PORT)));
			}
			catch (Exception ex) {
				ex.printStackTrace();
				row = "| " + server[0] + " | failed: " + ex.getMessage().replace('|', '/') + " |";
			}
			bench.rows.add(row);
			Files.writeString(out, bench.table());
		}
		System.out.println(bench.table());
	}

	private String table() {
		StringBuilder sb = new StringBuilder();
		sb.append("| server (N = ").append(String.format(Locale.ROOT, "%,d", this.n)).append(") ")
			.append("| accept N: server CPU s | heap / stream KB | RSS / stream KB ")
			.append("| idle publish p99 ms ")
			.append("| ").append((int) this.fixedRate).append("/s: p50 ms | p99 ms | max ms | all-delivered p99 ms ")
			.append("| server CPU µs / delivery ")
			.append("| saturation deliveries/s | server CPU µs / delivery | delivered % | streams open at end ")
			.append("| load gen CPU % / max pass ms |\n");
		sb.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
		for (String row : this.rows) {
			sb.append(row).append('\n');
		}
		double[] floor = this.cpuPerDelivery.get("nio-floor");
		double[] node = this.cpuPerDelivery.get("node-sdk");
		if (floor != null || node != null) {
			sb.append("\nServer CPU per delivery as a multiple of the floor's and Node's: at ")
				.append((int) this.fixedRate)
				.append("/s (every event to every stream, the same work for every server) and at saturation ")
				.append("(as many events as each server takes; a server that ends streams or skips events does ")
				.append("other work than the rest: see delivered % and streams open).\n\n")
				.append("| server | ").append((int) this.fixedRate).append("/s: / nio-floor | / node-sdk ")
				.append("| saturation: / nio-floor | / node-sdk |\n|---|---:|---:|---:|---:|\n");
			this.cpuPerDelivery.forEach((name, cpu) -> sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |%n",
					name, ratio(cpu, floor, 0), ratio(cpu, node, 0), ratio(cpu, floor, 1), ratio(cpu, node, 1))));
		}
		return sb.toString();
	}

	private static String ratio(double[] cpu, double[] base, int i) {
		return (base != null) ? String.format(Locale.ROOT, "%.2fx", cpu[i] / base[i]) : "-";
	}

	private String run(String name, Path dir, String command) throws Exception {
		log("=== " + name + ": " + (command.length() > 200 ? command.substring(0, 200) + "..." : command));
		ProcessBuilder pb = new ProcessBuilder("bash", "-c", "exec " + command).directory(dir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(Path.of("results/raw/server-" + name.replaceAll("[^A-Za-z0-9.-]+", "_") + ".log").toFile());
		Process server = pb.start();
		String pid = Long.toString(server.pid());
		try {
			awaitUp(server);
			Thread.sleep(1000);
			long heap0 = heap();
			long rss0 = ProcessStats.rssBytes(pid);

			try (SseClients clients = new SseClients(PORT, "/stream", 12_000_000)) {
				// Accept N streams.
				double cpu0 = ProcessStats.cpuSeconds(pid);
				long t0 = System.nanoTime();
				clients.connect(this.n);
				awaitReady(clients, 90);
				double acceptSeconds = (System.nanoTime() - t0) / 1e9;
				double acceptCpu = ProcessStats.cpuSeconds(pid) - cpu0;
				log(String.format(Locale.ROOT, "%d streams ready in %.1f s, server CPU %.2f s, failed %d", clients.ready(),
						acceptSeconds, acceptCpu, clients.failed()));

				// Memory per idle stream, after a GC.
				Thread.sleep(2000);
				long heap1 = heap();
				long rss1 = ProcessStats.rssBytes(pid);
				double heapPer = (heap1 - heap0) / 1024.0 / this.n;
				double rssPer = (rss1 - rss0) / 1024.0 / this.n;
				if (System.getenv("BENCH_HISTO") != null) {
					classHistogram(name, pid);
				}

				// Warm-up (JIT), not reported: about 100,000 deliveries.
				phase(clients, 50, Math.max(10, 100_000 / this.n), 10);
				// And the fixed rate once, unreported: compiled for the short warm-up only, a JVM
				// server still had its JIT compilers busy in the measured phase (0.2 to 0.7 s of
				// compiler-thread CPU, read per thread from /proc), charged to its deliveries.
				phase(clients, this.fixedRate, (int) (this.fixedRate * this.fixedSeconds), this.fixedSeconds + 2);

				// One publish to idle streams, three times.
				int idleFrom = clients.deliveries();
				for (int i = 0; i < 3; i++) {
					Thread.sleep(2000);
					phase(clients, 1, 1, 5);
				}
				Stats idle = stats(clients, idleFrom, clients.deliveries());

				// Fixed rate: every event to every stream, the same work for every server, so its CPU
				// per delivery compares servers that saturation would have doing different work.
				double fixedCpu0 = ProcessStats.cpuSeconds(pid);
				Stats fixed = phase(clients, this.fixedRate, (int) (this.fixedRate * this.fixedSeconds),
						this.fixedSeconds + 2);
				double fixedCpuPerDelivery = (ProcessStats.cpuSeconds(pid) - fixedCpu0) / Math.max(1, fixed.count) * 1e6;
				double fixedDelivered = 100.0 * fixed.count / Math.max(1, (double) fixed.publishes * this.n);
				log(String.format(Locale.ROOT, "%d/s: p50 %.1f ms, p99 %.0f ms, %.1f µs CPU per delivery, %.1f%% delivered",
						(int) this.fixedRate, fixed.p50 / 1000.0, fixed.p99 / 1000.0, fixedCpuPerDelivery, fixedDelivered));

				// Saturation: back-to-back publishes for a fixed time, then until the last delivery.
				// Rate and CPU are taken over the whole phase: a window inside it would count events
				// the server wrote into socket buffers earlier, or CPU for events read later.
				int satFrom = clients.deliveries();
				double c0 = ProcessStats.cpuSeconds(pid);
				double self0 = ProcessStats.cpuSeconds("self");
				clients.resetMaxPass();
				long w0 = System.nanoTime();
				post("/publish?rate=100000&count=100000000&seconds=" + this.saturationSeconds);
				// An ordinary request in the middle of it: does the server still answer at once?
				Thread.sleep((long) (this.saturationSeconds * 500));
				long r0 = System.nanoTime();
				get("/status");
				log(String.format(Locale.ROOT, "a request during saturation answered in %.1f ms",
						(System.nanoTime() - r0) / 1e6));
				Thread.sleep((long) (this.saturationSeconds * 500));
				awaitQuiet(clients, 30);
				int d1 = clients.deliveries();
				double window = (clients.lastDeliveryNanos() - w0) / 1e9;
				double c1 = ProcessStats.cpuSeconds(pid);
				double self1 = ProcessStats.cpuSeconds("self");
				long maxPass = clients.maxPassNanos();
				Stats sat = stats(clients, satFrom, d1);
				double rate = (d1 - satFrom) / window;
				double cpuPerDelivery = (c1 - c0) / Math.max(1, d1 - satFrom) * 1e6;
				double delivered = 100.0 * sat.count / Math.max(1, (double) sat.publishes * this.n);
				double selfCpu = 100.0 * (self1 - self0) / window;
				// The server ending a stream (overflow policy DROP) closes its connection here.
				int open = clients.ready() - clients.failed();
				log(String.format(Locale.ROOT,
						"saturation: %.0f deliveries/s, %.1f µs CPU each, %.1f%% delivered, %d of %d streams open", rate,
						cpuPerDelivery, delivered, open, this.n));
				this.cpuPerDelivery.put(name, new double[] { fixedCpuPerDelivery, cpuPerDelivery });

				return String.format(Locale.ROOT,
						"| %s | %.2f | %.1f | %.1f | %.0f | %.1f | %.0f | %.0f | %.0f | %s | %,.0f | %.1f | %.1f | %,d | %.0f / %.0f |",
						name, acceptCpu, heapPer, rssPer, idle.p99 / 1000.0, fixed.p50 / 1000.0, fixed.p99 / 1000.0,
						fixed.max / 1000.0, fixed.completionP99 / 1000.0,
						(fixedDelivered >= 99.95) ? String.format(Locale.ROOT, "%.1f", fixedCpuPerDelivery)
								: String.format(Locale.ROOT, "%.1f (%.1f%% delivered)", fixedCpuPerDelivery, fixedDelivered),
						rate, cpuPerDelivery, delivered, open, selfCpu, maxPass / 1e6);
			}
		}
		finally {
			server.destroy();
			if (!server.waitFor(10, TimeUnit.SECONDS)) {
				server.destroyForcibly();
				server.waitFor(10, TimeUnit.SECONDS);
			}
		}
	}

	/**
	 * With N streams open and idle: the server's live heap by class ({@code jcmd GC.class_histogram},
	 * from the server's own JDK), to show where the memory per stream goes. Java servers only.
	 */
	private void classHistogram(String name, String pid) throws Exception {
		Path exe = Path.of("/proc", pid, "exe").toRealPath();
		Path jcmd = exe.resolveSibling("jcmd");
		if (!exe.getFileName().toString().equals("java") || !Files.isExecutable(jcmd)) {
			return;
		}
		Path out = Path.of("results/raw/histo-" + name + "-" + this.n + ".txt");
		Process p = new ProcessBuilder(jcmd.toString(), pid, "GC.class_histogram").redirectErrorStream(true)
			.redirectOutput(out.toFile())
			.start();
		p.waitFor(60, TimeUnit.SECONDS);
		log("class histogram in " + out);
	}

	/** Publishes {@code count} events at {@code rate}, waits until they have arrived (or gone quiet). */
	private Stats phase(SseClients clients, double rate, int count, int maxSeconds) throws Exception {
		int from = clients.deliveries();
		long expected = (long) count * clients.ready();
		post("/publish?rate=" + rate + "&count=" + count + "&seconds=" + maxSeconds);
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(maxSeconds + 10);
		long minEnd = System.nanoTime() + (long) (count / rate * 1e9);
		int last = -1;
		long lastChange = System.nanoTime();
		while (System.nanoTime() < deadline) {
			int d = clients.deliveries();
			if (d - from >= expected) {
				break;
			}
			if (d != last) {
				last = d;
				lastChange = System.nanoTime();
			}
			else if (System.nanoTime() > minEnd && System.nanoTime() - lastChange > 1_500_000_000L) {
				break;
			}
			Thread.sleep(20);
		}
		awaitPublisherDone();
		return stats(clients, from, clients.deliveries());
	}

	private void awaitPublisherDone() throws Exception {
		for (int i = 0; i < 200; i++) {
			if (get("/status").contains("publishing=false")) {
				return;
			}
			Thread.sleep(100);
		}
	}

	private static void awaitQuiet(SseClients clients, int maxSeconds) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(maxSeconds);
		int last = clients.deliveries();
		long lastChange = System.nanoTime();
		while (System.nanoTime() < deadline && System.nanoTime() - lastChange < 1_500_000_000L) {
			Thread.sleep(50);
			int d = clients.deliveries();
			if (d != last) {
				last = d;
				lastChange = System.nanoTime();
			}
		}
	}

	private static Stats stats(SseClients clients, int from, int to) {
		int count = to - from;
		int[] seqs = new int[count];
		int[] lat = new int[count];
		clients.copy(from, to, seqs, lat);
		Stats s = new Stats();
		s.count = count;
		if (count == 0) {
			return s;
		}
		int minSeq = Integer.MAX_VALUE;
		int maxSeq = 0;
		for (int q : seqs) {
			minSeq = Math.min(minSeq, q);
			maxSeq = Math.max(maxSeq, q);
		}
		s.publishes = maxSeq - minSeq + 1;
		int[] completion = new int[s.publishes];
		for (int i = 0; i < count; i++) {
			int k = seqs[i] - minSeq;
			completion[k] = Math.max(completion[k], lat[i]);
		}
		Arrays.sort(lat);
		Arrays.sort(completion);
		s.p50 = lat[(int) (count * 0.50)];
		s.p99 = lat[Math.min(count - 1, (int) (count * 0.99))];
		s.max = lat[count - 1];
		s.completionP99 = completion[Math.min(completion.length - 1, (int) (completion.length * 0.99))];
		return s;
	}

	private void awaitReady(SseClients clients, int maxSeconds) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(maxSeconds);
		while (clients.ready() + clients.failed() < this.n) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("Only " + clients.ready() + " of " + this.n + " streams opened in "
						+ maxSeconds + " s (" + clients.failed() + " failed)");
			}
			Thread.sleep(20);
		}
		if (clients.failed() > 0) {
			throw new IllegalStateException(clients.failed() + " of " + this.n + " streams failed to open");
		}
	}

	private static void awaitUp(Process server) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (System.nanoTime() < deadline) {
			if (!server.isAlive()) {
				throw new IllegalStateException("Server exited with " + server.exitValue());
			}
			try {
				get("/mem");
				return;
			}
			catch (IOException ex) {
				Thread.sleep(200);
			}
		}
		throw new IllegalStateException("Server not up after 60 s");
	}

	private static long heap() throws IOException {
		String mem = get("/mem");
		return Long.parseLong(mem.substring(mem.indexOf("heap=") + 5, mem.indexOf(' ')));
	}

	private static String get(String path) throws IOException {
		return request("GET", path);
	}

	private static String post(String path) throws IOException {
		return request("POST", path);
	}

	private static String request(String method, String path) throws IOException {
		HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + PORT + path).toURL().openConnection();
		c.setRequestMethod(method);
		c.setConnectTimeout(5000);
		c.setReadTimeout(60000);
		int status = c.getResponseCode();
		try (InputStream in = (status < 400) ? c.getInputStream() : c.getErrorStream()) {
			String body = (in != null) ? new String(in.readAllBytes(), StandardCharsets.UTF_8) : "";
			if (status >= 300) {
				throw new IOException(method + " " + path + ": " + status + " " + body);
			}
			return body;
		}
	}

	private static void log(String message) {
		System.out.println("[" + java.time.LocalTime.now().withNano(0) + "] " + message);
	}

	static final class Stats {

		int count;

		int publishes;

		int p50;

		int p99;

		int max;

		int completionP99;

	}

}
