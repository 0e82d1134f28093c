package io.github.datastarspring.webflux;

import java.io.IOException;
import java.util.concurrent.Executor;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.jspecify.annotations.Nullable;
import reactor.netty.Connection;
import reactor.netty.http.server.HttpServerResponse;

import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.util.ClassUtils;

/**
 * Closes the connection under a response without ending the response, so that the client sees a
 * network error (and the Datastar client reconnects). Only on Reactor Netty, an optional
 * dependency; elsewhere there is no aborter and streams end normally.
 */
final class ConnectionAborter {

	private static final boolean REACTOR_NETTY_PRESENT = ClassUtils.isPresent(
			"reactor.netty.http.server.HttpServerResponse", ConnectionAborter.class.getClassLoader());

	private ConnectionAborter() {
	}

	/** What closes the connection of {@code response}, or {@code null} when it cannot be closed so. */
	static @Nullable Runnable of(ServerHttpResponse response) {
		return REACTOR_NETTY_PRESENT ? ReactorNetty.aborter(response) : null;
	}

	/**
	 * The event loop of the connection under {@code response}, which its stream is best written
	 * from, or {@code null} off Reactor Netty.
	 */
	static @Nullable Executor eventLoop(ServerHttpResponse response) {
		return REACTOR_NETTY_PRESENT ? ReactorNetty.eventLoop(response) : null;
	}

	/**
	 * A client that leaves while its stream is open (a closed tab, a lost network) is noticed
	 * quietly: Reactor Netty would log each reset at WARN on the NIO transport, one line per client.
	 */
	static void quietWhenClientLeaves(ServerHttpResponse response) {
		if (REACTOR_NETTY_PRESENT) {
			ReactorNetty.quietWhenClientLeaves(response);
		}
	}

	/** Kept apart so that Reactor Netty types are loaded only when present. */
	private static final class ReactorNetty {

		private static final String DEPARTED_CLIENT = "datastar.departedClient";

		static void quietWhenClientLeaves(ServerHttpResponse response) {
			HttpServerResponse netty = nettyResponse(response);
			if (netty != null) {
				netty.withConnection((connection) -> {
					if (connection.channel().pipeline().get(DEPARTED_CLIENT) == null) {
						// Before Reactor Netty's bridge, which logs; removed with this response.
						connection.addHandlerLast(DEPARTED_CLIENT, DepartedClientHandler.INSTANCE);
					}
				});
			}
		}

		static @Nullable Runnable aborter(ServerHttpResponse response) {
			HttpServerResponse netty = nettyResponse(response);
			// Closing the channel (an HTTP/2 stream resets only its stream) writes no last chunk.
			// What was written before goes out first: Reactor Netty may flush it only at the end
			// of the event loop's turn.
			return (netty != null) ? () -> netty.withConnection((connection) -> {
				connection.channel().flush();
				connection.dispose();
			}) : null;
		}

		static @Nullable Executor eventLoop(ServerHttpResponse response) {
			HttpServerResponse netty = nettyResponse(response);
			if (netty == null) {
				return null;
			}
			Executor[] loop = new Executor[1];
			netty.withConnection((connection) -> loop[0] = connection.channel().eventLoop());
			return loop[0];
		}

		/** Ends the connection on an I/O error (reset, broken pipe): the client is gone, nothing to report. */
		@ChannelHandler.Sharable
		static final class DepartedClientHandler extends ChannelInboundHandlerAdapter {

			static final DepartedClientHandler INSTANCE = new DepartedClientHandler();

			private static final Log logger = LogFactory.getLog(DepartedClientHandler.class);

			@Override
			public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
				if (!(cause instanceof IOException)) {
					context.fireExceptionCaught(cause);
					return;
				}
				if (logger.isDebugEnabled()) {
					logger.debug("Client left while its Datastar stream was open: " + cause);
				}
				context.close();
			}

		}

		private static @Nullable HttpServerResponse nettyResponse(ServerHttpResponse response) {
			try {
				return (ServerHttpResponseDecorator.getNativeResponse(response) instanceof HttpServerResponse netty)
						? netty : null;
			}
			catch (IllegalArgumentException | IllegalStateException ex) {
				// A mock (WebTestClient without a server) or a foreign decorator: no connection.
				return null;
			}
		}

	}

}
