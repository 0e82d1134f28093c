package io.github.datastarspring.webflux;

import java.util.concurrent.Executor;

import org.jspecify.annotations.Nullable;

import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.util.ClassUtils;

/**
 * The connection under a stream's response, where the server exposes it (Reactor Netty, an
 * optional dependency): a live stream is written to it directly, without Reactor operators per
 * chunk, and aborted by closing it. Elsewhere there is none, streams are written through
 * {@link ServerHttpResponse#writeAndFlushWith} and end normally.
 */
interface StreamConnection {

	/** The thread the connection is written from; writes from elsewhere are handed over to it. */
	Executor eventLoop();

	/** Whether the connection takes more without buffering past its high-water mark. */
	boolean isWritable();

	/** Writes and flushes one chunk of the response body, after its headers. */
	void write(byte[] chunk);

	/** Calls {@code callback} on the event loop each time the connection becomes writable again. */
	void whenWritable(Runnable callback);

	/**
	 * Closes the connection without ending the response (an HTTP/2 stream resets only its
	 * stream), so that the client sees a network error and reconnects.
	 */
	void abort();

	/**
	 * The connection of {@code response}, or {@code null} where the server does not expose it. A
	 * client that leaves while the response is open (a closed tab, a lost network) is noticed
	 * quietly from then on: Reactor Netty would log each reset at WARN on the NIO transport, one
	 * line per client.
	 */
	static @Nullable StreamConnection of(ServerHttpResponse response) {
		return Holder.REACTOR_NETTY_PRESENT ? ReactorNettyConnection.of(response) : null;
	}

	/** Keeps the check out of the interface's public constants. */
	final class Holder {

		static final boolean REACTOR_NETTY_PRESENT = ClassUtils.isPresent(
				"reactor.netty.http.server.HttpServerResponse", StreamConnection.class.getClassLoader());

		private Holder() {
		}

	}

}
