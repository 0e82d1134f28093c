package io.github.datastarspring.benchmarks.encoding;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import io.github.datastarspring.benchmarks.Payloads;
import io.github.datastarspring.core.DatastarEventEncoder;
import io.github.datastarspring.core.PatchElements;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Where the encoder's time goes, piece by piece, on the same 2 KB / 40-line HTML: the floor (copying
 * the finished bytes out), the per-char passes the encoder makes (one scan for line ends, one copy
 * through {@code charAt}), and what the JDK's vectorised {@code String.getBytes(UTF_8)} costs for the
 * same text. Explains a miss of the encoding target with measurements rather than guesses.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgs = { "-Xms1g", "-Xmx1g" })
public class EncoderAnatomyBenchmark {

	private String html;

	private byte[] encoded;

	private final byte[] scratch = new byte[8192];

	@Setup
	public void setUp() {
		this.html = Payloads.html(40, 2048);
		this.encoded = new DatastarEventEncoder().encode(PatchElements.of(this.html));
	}

	/** The finished event copied out of a scratch buffer: the encoder's allocation floor. */
	@Benchmark
	public byte[] copyOutput() {
		return Arrays.copyOf(this.encoded, this.encoded.length);
	}

	/** JDK intrinsic: checks for non-ASCII with vector instructions, then one array copy. */
	@Benchmark
	public byte[] stringGetBytesUtf8() {
		return this.html.getBytes(StandardCharsets.UTF_8);
	}

	/** One pass of {@code charAt} looking for CR/LF, as the encoder's line splitting does. */
	@Benchmark
	public int charAtLineScan() {
		String s = this.html;
		int lines = 0;
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c == '\n' || c == '\r') {
				lines++;
			}
		}
		return lines;
	}

	/** One pass of {@code charAt} copying ASCII into a byte array, as the encoder's UTF-8 fast path does. */
	@Benchmark
	public byte[] charAtAsciiCopy() {
		String s = this.html;
		byte[] b = this.scratch;
		int p = 0;
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c >= 0x80) {
				break;
			}
			b[p++] = (byte) c;
		}
		return b;
	}

	private static final byte[] EVENT_LINE = "event: datastar-patch-elements\n".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] ELEMENTS_PREFIX = "data: elements ".getBytes(StandardCharsets.US_ASCII);

	/**
	 * A prototype of a faster line splitter, for the pure-ASCII/1:1 case only (same output as the
	 * starter's encoder for this input): one vectorised {@code getBytes(UTF_8)}, line ends found with
	 * the intrinsic {@code String.indexOf(char)}, segments moved with {@code System.arraycopy}. Costs
	 * one temporary array of the HTML's size.
	 */
	@Benchmark
	public byte[] prototypeIndexOfArraycopy() {
		String s = this.html;
		byte[] all = s.getBytes(StandardCharsets.UTF_8);
		if (all.length != s.length() || s.indexOf('\r') >= 0) {
			throw new IllegalStateException("prototype handles one byte per char and LF only");
		}
		byte[] b = this.scratch;
		System.arraycopy(EVENT_LINE, 0, b, 0, EVENT_LINE.length);
		int p = EVENT_LINE.length;
		int start = 0;
		while (true) {
			int nl = s.indexOf('\n', start);
			int end = (nl < 0) ? s.length() : nl;
			System.arraycopy(ELEMENTS_PREFIX, 0, b, p, ELEMENTS_PREFIX.length);
			p += ELEMENTS_PREFIX.length;
			System.arraycopy(all, start, b, p, end - start);
			p += end - start;
			b[p++] = '\n';
			if (nl < 0) {
				break;
			}
			start = nl + 1;
		}
		b[p++] = '\n';
		return Arrays.copyOf(b, p);
	}

	/** A byte-array scan for LF, as an encoder working on {@code getBytes} output would make it. */
	@Benchmark
	public int byteLineScan() {
		byte[] b = this.encoded;
		int lines = 0;
		for (int i = 0; i < b.length; i++) {
			if (b[i] == '\n' || b[i] == '\r') {
				lines++;
			}
		}
		return lines;
	}

}
