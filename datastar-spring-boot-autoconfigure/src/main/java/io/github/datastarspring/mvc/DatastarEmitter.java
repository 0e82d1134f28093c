package io.github.datastarspring.mvc;

import java.time.Duration;

import io.github.datastarspring.core.DatastarEventStream;
import io.github.datastarspring.core.internal.StreamEngine;
import org.jspecify.annotations.Nullable;

/**
 * A Datastar event stream to one browser, returned from a Spring MVC controller method, as
 * Spring's {@code SseEmitter} is, or taken as a parameter of a {@code void} one.
 *
 * <pre>{@code
 * @GetMapping("/clock")
 * DatastarEmitter clock() {
 *     DatastarEmitter emitter = new DatastarEmitter();
 *     emitter.patchSignals(Map.of("now", Instant.now().toString()));
 *     ticker.onTick(now -> emitter.patchSignals(Map.of("now", now.toString())));
 *     return emitter;
 * }
 * }</pre>
 *
 * <p>Any thread may send at any time; see {@link DatastarEventStream} for the queue, the
 * heartbeat, the timeout and the end of a stream. Writes use the Servlet non-blocking API, so no
 * thread ever waits for a client's socket, however many clients stop reading. Events sent before
 * the handler method returns are kept and written when the stream opens; a stream created while
 * a request is handled gets that application's {@code datastar.sse.*} settings at once.
 */
public class DatastarEmitter extends DatastarEventStream {

	/** A stream with the configured timeout ({@code datastar.sse.timeout}; none by default). */
	public DatastarEmitter() {
		this(null);
	}

	/**
	 * A stream that ends after {@code timeout}; {@code null} uses the configured timeout,
	 * {@link Duration#ZERO} or a negative value means none.
	 */
	public DatastarEmitter(@Nullable Duration timeout) {
		super(timeout, 0, StreamSupportInterceptor.current());
	}

	StreamEngine stream() {
		return engine();
	}

}
