package io.github.datastarspring.webflux;

import java.time.Duration;

import io.github.datastarspring.core.DatastarEventStream;
import io.github.datastarspring.core.internal.StreamEngine;
import org.jspecify.annotations.Nullable;

/**
 * A live Datastar stream for WebFlux, the counterpart of MVC's {@code DatastarEmitter}: return it
 * from a controller method (or take it as a parameter of a method returning {@code void} or
 * {@code Mono<Void>}), then send events from any thread, before or after returning it.
 *
 * <pre>{@code
 * @GetMapping("/ticks")
 * DatastarStream ticks() {
 *     DatastarStream stream = new DatastarStream();
 *     Disposable ticking = Flux.interval(Duration.ofSeconds(1))
 *         .subscribe(n -> stream.patchElements("<span id=\"count\">" + n + "</span>"));
 *     stream.onClose(ticking::dispose);    // the browser left
 *     return stream;
 * }
 * }</pre>
 *
 * <p>Nothing blocks and nothing is written on the sending thread: events wait in the bounded send
 * queue and are written as the connection asks for them (see {@link DatastarEventStream}). An idle
 * stream holds no thread and no buffer.
 */
public class DatastarStream extends DatastarEventStream {

	/** A stream with the application's send queue size and timeout. */
	public DatastarStream() {
		this(0, null);
	}

	/**
	 * A stream that ends after {@code timeout}; {@code null} uses the configured timeout,
	 * {@link Duration#ZERO} or a negative value means none.
	 */
	public DatastarStream(@Nullable Duration timeout) {
		this(0, timeout);
	}

	/** A stream whose send queue holds at most {@code sendQueueSize} events (0: the configured size). */
	public DatastarStream(int sendQueueSize) {
		this(sendQueueSize, null);
	}

	private DatastarStream(int sendQueueSize, @Nullable Duration timeout) {
		super(timeout, sendQueueSize, null);
	}

	StreamEngine stream() {
		return engine();
	}

}
