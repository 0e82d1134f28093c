package io.github.datastarspring.webflux;

import java.io.IOException;
import java.util.concurrent.Executor;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.util.AttributeKey;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.netty.Connection;
import reactor.netty.http.server.HttpServerResponse;

import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;

/**
 * A stream's connection on Reactor Netty; loaded only when Reactor Netty is present. Chunks are
 * written as HTTP content to the request's channel (the connection on HTTP/1.1, the stream's own
 * channel on HTTP/2), which the codecs frame for either version.
 */
final class ReactorNettyConnection implements StreamConnection {

	private static final String HANDLER = "datastar.streamConnection";

	private static final AttributeKey<Runnable> WRITABLE = AttributeKey.valueOf("datastar.whenWritable");

	private final Connection connection;

	private final Channel channel;

	private ReactorNettyConnection(Connection connection) {
		this.connection = connection;
		this.channel = connection.channel();
	}

	static @Nullable StreamConnection of(ServerHttpResponse response) {
		HttpServerResponse netty = nettyResponse(response);
		if (netty == null) {
			return null;
		}
		StreamConnection[] found = new StreamConnection[1];
		netty.withConnection((connection) -> {
			if (connection.channel().pipeline().get(HANDLER) == null) {
				// Before Reactor Netty's bridge, which logs; removed with this response.
				connection.addHandlerLast(HANDLER, StreamConnectionHandler.INSTANCE);
			}
			found[0] = new ReactorNettyConnection(connection);
		});
		return found[0];
	}

	@Override
	public Executor eventLoop() {
		return this.channel.eventLoop();
	}

	@Override
	public boolean isWritable() {
		return this.channel.isWritable();
	}

	@Override
	public void write(byte[] chunk) {
		this.channel.writeAndFlush(new DefaultHttpContent(Unpooled.wrappedBuffer(chunk)), this.channel.voidPromise());
	}

	@Override
	public void whenWritable(Runnable callback) {
		this.channel.attr(WRITABLE).set(callback);
	}

	@Override
	public void abort() {
		this.channel.attr(WRITABLE).set(null);
		// Closing the channel writes no last chunk. What was written before goes out first.
		this.channel.flush();
		this.connection.dispose();
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

	/**
	 * Tells a stream when its connection takes more, and ends the connection on an I/O error
	 * (reset, broken pipe): the client is gone, nothing to report.
	 */
	@ChannelHandler.Sharable
	static final class StreamConnectionHandler extends ChannelInboundHandlerAdapter {

		static final StreamConnectionHandler INSTANCE = new StreamConnectionHandler();

		private static final Log logger = LogFactory.getLog(StreamConnectionHandler.class);

		@Override
		public void channelWritabilityChanged(ChannelHandlerContext context) {
			Runnable callback = context.channel().attr(WRITABLE).get();
			if (callback != null && context.channel().isWritable()) {
				callback.run();
			}
			context.fireChannelWritabilityChanged();
		}

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

		@Override
		public void handlerRemoved(ChannelHandlerContext context) {
			// A kept-alive HTTP/1.1 connection goes on with other requests.
			context.channel().attr(WRITABLE).set(null);
		}

	}

}
