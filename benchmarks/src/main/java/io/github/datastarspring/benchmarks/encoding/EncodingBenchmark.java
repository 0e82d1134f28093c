package io.github.datastarspring.benchmarks.encoding;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.github.datastarspring.benchmarks.Payloads;
import io.github.datastarspring.core.DatastarEventEncoder;
import io.github.datastarspring.core.PatchElements;
import io.github.datastarspring.core.PatchSignals;
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
import reactor.core.publisher.Mono;

import org.springframework.core.ResolvableType;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.http.codec.ServerSentEventHttpMessageWriter;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Cost of turning one Datastar event into the bytes for the socket: the starter's encoder against
 * what a Spring user writes today with {@code SseEmitter.event()} (MVC) and {@code ServerSentEvent}
 * through WebFlux's own writer. Every variant starts from the same HTML or JSON text, builds the
 * event (the user's per-publish work) and ends with UTF-8 bytes; run with {@code -prof gc} for
 * bytes allocated per event.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgs = { "-Xms1g", "-Xmx1g" })
public class EncodingBenchmark {

	private static final ResolvableType SSE_OF_STRING = ResolvableType.forClassWithGenerics(ServerSentEvent.class,
			String.class);

	private final DatastarEventEncoder encoder = new DatastarEventEncoder();

	private final ServerSentEventHttpMessageWriter sseWriter = new ServerSentEventHttpMessageWriter();

	/** 2 KB of HTML in 40 lines. */
	private String html;

	/** 1 KB of compact JSON. */
	private String json;

	private PatchElements elementsEvent;

	@Setup
	public void setUp() {
		this.html = Payloads.html(40, 2048);
		this.json = Payloads.json(1024);
		this.elementsEvent = PatchElements.builder().elements(this.html).eventId("42").build();
	}

	@Benchmark
	public byte[] starterPatchElements() {
		return this.encoder.encode(PatchElements.builder().elements(this.html).eventId("42").build());
	}

	/** The encoder alone, event built once: what the real-time hub pays per publish. */
	@Benchmark
	public byte[] starterPatchElementsPrebuilt() {
		return this.encoder.encode(this.elementsEvent);
	}

	@Benchmark
	public byte[] starterPatchSignals() {
		return this.encoder.encode(PatchSignals.builder().signals(this.json).eventId("42").build());
	}

	@Benchmark
	public byte[][] sseEmitterPatchElements() {
		return sseEmitter("datastar-patch-elements", Payloads.prefixLines("elements", this.html));
	}

	@Benchmark
	public byte[][] sseEmitterPatchSignals() {
		return sseEmitter("datastar-patch-signals", "signals " + this.json);
	}

	@Benchmark
	public byte[] serverSentEventPatchElements() {
		return serverSentEvent("datastar-patch-elements", Payloads.prefixLines("elements", this.html));
	}

	@Benchmark
	public byte[] serverSentEventPatchSignals() {
		return serverSentEvent("datastar-patch-signals", "signals " + this.json);
	}

	/**
	 * {@code SseEmitter.event()} as a user writes it, then each part to bytes as Spring MVC's
	 * {@code StringHttpMessageConverter} does for {@code text/plain} UTF-8.
	 */
	private static byte[][] sseEmitter(String name, String data) {
		Set<DataWithMediaType> parts = SseEmitter.event().name(name).id("42").data(data).build();
		byte[][] out = new byte[parts.size()][];
		int i = 0;
		for (DataWithMediaType part : parts) {
			out[i++] = ((String) part.getData()).getBytes(StandardCharsets.UTF_8);
		}
		return out;
	}

	/** {@code ServerSentEvent} through WebFlux's own writer, into a mock response body. */
	private byte[] serverSentEvent(String name, String data) {
		ServerSentEvent<String> event = ServerSentEvent.builder(data).event(name).id("42").build();
		MockServerHttpResponse response = new MockServerHttpResponse();
		this.sseWriter.write(Mono.just(event), SSE_OF_STRING, MediaType.TEXT_EVENT_STREAM, response, Map.of())
			.block();
		DataBuffer joined = DataBufferUtils.join(response.getBody()).block();
		byte[] bytes = new byte[joined.readableByteCount()];
		joined.read(bytes);
		return bytes;
	}

}
