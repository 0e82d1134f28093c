package io.github.datastarspring.compression;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.github.datastarspring.core.DatastarEventEncoder;
import io.github.datastarspring.core.PatchElements;
import io.github.datastarspring.core.StreamCompressor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Every chunk a compressor returns is decoded the moment it "arrives", as a browser would, and must
 * yield exactly the chunk given, whole: an event must never wait in the compressor for the next.
 */
class StreamCompressorTests {

	private final DatastarEventEncoder encoder = new DatastarEventEncoder();

	static List<Arguments> compressors() {
		return List.of(Arguments.of("gzip level 1", (Supplier<StreamCompressor>) () -> new GzipCompressor(1, -1)),
				Arguments.of("gzip level 6", (Supplier<StreamCompressor>) () -> new GzipCompressor(6, -1)),
				Arguments.of("Brotli q5 window 20", (Supplier<StreamCompressor>) () -> new BrotliCompressor(5, 20, -1)),
				// A window smaller than the stream: the ring buffers of both ends wrap many times.
				Arguments.of("Brotli q5 window 16", (Supplier<StreamCompressor>) () -> new BrotliCompressor(5, 16, -1)),
				Arguments.of("Brotli q11 window 24", (Supplier<StreamCompressor>) () -> new BrotliCompressor(11, 24, -1)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("compressors")
	void everyEventAndHeartbeatDecodesWholeAsItArrives(String name, Supplier<StreamCompressor> factory) {
		List<byte[]> chunks = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			chunks.add(this.encoder.encode(PatchElements.builder().elements(todoList(40, i)).eventId(Integer.toString(i)).build()));
			if (i % 7 == 3) {
				chunks.add(this.encoder.comment(""));
			}
		}
		// Larger than the compressors' internal buffers, and a tiny one.
		chunks.add(this.encoder.encode(PatchElements.builder().elements(todoList(400, 1)).build()));
		chunks.add(new byte[] { '\n' });
		try (StreamCompressor compressor = factory.get();
				Decompressor client = Decompressor.forEncoding(compressor.encoding())) {
			for (byte[] chunk : chunks) {
				byte[] wire = compressor.compress(chunk);
				assertThat(new String(client.decode(wire), StandardCharsets.UTF_8))
					.isEqualTo(new String(chunk, StandardCharsets.UTF_8));
			}
			assertThat(client.ended()).as("a stream is never finished by its compressor").isFalse();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("compressors")
	void aFatMorphCompressesAgainstTheEventBefore(String name, Supplier<StreamCompressor> factory) {
		try (StreamCompressor compressor = factory.get()) {
			byte[] first = this.encoder.encode(PatchElements.builder().elements(todoList(40, 0)).build());
			byte[] second = this.encoder.encode(PatchElements.builder().elements(todoList(40, 1)).build());
			int firstSize = compressor.compress(first).length;
			int secondSize = compressor.compress(second).length;
			assertThat(first.length).isGreaterThan(8_000);
			if (compressor.encoding().equals("br")) {
				// The window holds the first event, so the second costs only what changed.
				assertThat(secondSize).isLessThan(firstSize / 10).isLessThan(200);
			}
			else {
				// deflate looks back only 32 KB: it cannot reach the previous event, but still compresses.
				assertThat(secondSize).isLessThan(second.length / 5);
			}
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("compressors")
	void closeIsIdempotentAndCompressAfterCloseIsRefused(String name, Supplier<StreamCompressor> factory) {
		StreamCompressor compressor = factory.get();
		compressor.compress(this.encoder.comment(""));
		compressor.close();
		compressor.close();
		assertThatIllegalStateException().isThrownBy(() -> compressor.compress(new byte[] { 1 }))
			.withMessageContaining("closed");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("oneShots")
	void aOneShotAnswerOfKnownLengthIsAFinishedStream(String encoding, int length) {
		byte[] body = todoList(60, 3).getBytes(StandardCharsets.UTF_8);
		byte[] head = java.util.Arrays.copyOf(body, 1000);
		byte[] tail = java.util.Arrays.copyOfRange(body, 1000, body.length);
		StreamCompressor compressor = encoding.equals("br") ? new BrotliCompressor(5, 20, body.length)
				: new GzipCompressor(6, body.length);
		try (compressor; Decompressor client = Decompressor.forEncoding(encoding)) {
			byte[] wireHead = compressor.compress(head);
			byte[] wireTail = compressor.compress(tail);
			assertThat(client.decode(wireHead)).isEqualTo(head);
			assertThat(client.decode(wireTail)).isEqualTo(tail);
			assertThat(client.ended()).isTrue();
			if (encoding.equals("gzip")) {
				byte[] member = new byte[wireHead.length + wireTail.length];
				System.arraycopy(wireHead, 0, member, 0, wireHead.length);
				System.arraycopy(wireTail, 0, member, wireHead.length, wireTail.length);
				assertThat(Decompressor.gunzip(member)).as("CRC and length in the trailer").isEqualTo(body);
			}
			assertThatIllegalStateException().isThrownBy(() -> compressor.compress(new byte[] { 1 }))
				.withMessageContaining("announced");
		}
	}

	static List<Arguments> oneShots() {
		return List.of(Arguments.of("gzip", 0), Arguments.of("br", 0));
	}

	/** A TodoMVC-like list rendered whole, with todo number {@code toggled} completed. */
	static String todoList(int todos, int toggled) {
		StringBuilder html = new StringBuilder("<ul id=\"todo-list\" class=\"todo-list\">\n");
		for (int i = 0; i < todos; i++) {
			html.append("  <li id=\"todo-").append(i).append('"').append((i == toggled) ? " class=\"completed\"" : "")
				.append(">\n    <div class=\"view\"><input class=\"toggle\" type=\"checkbox\"")
				.append((i == toggled) ? " checked" : "")
				.append(" data-on:click=\"@post('/todos/").append(i).append("/toggle')\">\n")
				.append("    <label>Todo number ").append(i).append(": buy ").append(i * 7 % 13 + 1)
				.append(" things</label><button class=\"destroy\" data-on:click=\"@delete('/todos/").append(i)
				.append("')\"></button></div>\n  </li>\n");
		}
		return html.append("</ul>").toString();
	}

}
