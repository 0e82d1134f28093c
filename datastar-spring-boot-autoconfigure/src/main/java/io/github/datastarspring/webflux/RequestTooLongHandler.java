package io.github.datastarspring.webflux;

import io.github.datastarspring.errors.DatastarErrorAnswers;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * Answers a request line or headers over Netty's limits with the same 414 and problem details
 * as on Tomcat, instead of Reactor Netty's empty 414 or 431. Sits right after the HTTP/1.1 codec,
 * which marks such a request as failed instead of handing it on.
 */
@ChannelHandler.Sharable
final class RequestTooLongHandler extends ChannelInboundHandlerAdapter {

	static final RequestTooLongHandler INSTANCE = new RequestTooLongHandler();

	private RequestTooLongHandler() {
	}

	static HttpServer install(HttpServer server) {
		return server.doOnChannelInit((observer, channel, address) -> {
			if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
				channel.pipeline().addAfter(NettyPipeline.HttpCodec, "datastar.requestTooLong", INSTANCE);
			}
		});
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) {
		if (msg instanceof HttpRequest request && request.decoderResult().isFailure()
				&& request.decoderResult().cause() instanceof TooLongFrameException) {
			ReferenceCountUtil.release(msg);
			byte[] body = DatastarErrorAnswers.urlTooLong("");
			FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
					HttpResponseStatus.REQUEST_URI_TOO_LONG, Unpooled.wrappedBuffer(body));
			response.headers()
				.set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
				.setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
				.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
			ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
			return;
		}
		ctx.fireChannelRead(msg);
	}

}
