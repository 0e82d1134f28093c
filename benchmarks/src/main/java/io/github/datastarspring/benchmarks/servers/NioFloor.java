package io.github.datastarspring.benchmarks.servers;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.datastarspring.benchmarks.Payloads;

/**
 * The socket floor of the fan-out benchmark: no framework, no per-stream object beyond a socket
 * and its backlog. Each publish formats the event once and writes the same bytes to every stream
 * from the publishing thread, non-blocking; what a socket does not take is kept for the next
 * publish (bounded, then the stream is closed). A server's CPU per delivery divided by this one's,
 * measured in the same run, is what that server adds over the kernel's own cost.
 *
 * <p>Same endpoints as the other servers: {@code GET /stream}, {@code POST /publish},
 * {@code GET /status}, {@code GET /mem}. Run with {@code NioFloor <port>}; listens on 127.0.0.1.
 */
public final class NioFloor implements FanOut {

	private static final byte[] STREAM_HEAD = ("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
			+ "Cache-Control: no-cache\r\nConnection: close\r\n\r\n: ok\n\n").getBytes(StandardCharsets.US_ASCII);

	/** Bytes a stream may fall behind before it is closed, as the starter's bounded queues do. */
	private static final int MAX_BACKLOG = 4 * 1024 * 1024;

	private final Set<Stream> streams = ConcurrentHashMap.newKeySet();

	private final PublishLoop loop = new PublishLoop();

	public static void main(String[] args) throws IOException {
		new NioFloor().serve(Integer.parseInt(args[0]));
	}

	private void serve(int port) throws IOException {
		Selector selector = Selector.open();
		ServerSocketChannel server = ServerSocketChannel.open();
		server.bind(new InetSocketAddress("127.0.0.1", port), 1024);
		server.configureBlocking(false);
		server.register(selector, SelectionKey.OP_ACCEPT);
		Map<SocketChannel, StringBuilder> heads = new HashMap<>();
		ByteBuffer in = ByteBuffer.allocate(8192);
		while (true) {
			selector.select();
			Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
			while (keys.hasNext()) {
				SelectionKey key = keys.next();
				keys.remove();
				if (!key.isValid()) {
					continue;
				}
				if (key.isAcceptable()) {
					SocketChannel channel = server.accept();
					if (channel != null) {
						channel.configureBlocking(false);
						channel.register(selector, SelectionKey.OP_READ);
						heads.put(channel, new StringBuilder());
					}
					continue;
				}
				SocketChannel channel = (SocketChannel) key.channel();
				in.clear();
				int n;
				try {
					n = channel.read(in);
				}
				catch (IOException ex) {
					n = -1;
				}
				if (n < 0) {
					close(key, channel, heads);
					continue;
				}
				StringBuilder head = heads.get(channel);
				if (head == null) {
					continue; // a stream: what the client sends after its request is ignored
				}
				head.append(new String(in.array(), 0, n, StandardCharsets.ISO_8859_1));
				if (head.indexOf("\r\n\r\n") >= 0) {
					heads.remove(channel);
					respond(key, channel, head.substring(0, head.indexOf("\r\n")));
				}
			}
		}
	}

	private void close(SelectionKey key, SocketChannel channel, Map<SocketChannel, StringBuilder> heads) {
		heads.remove(channel);
		Object stream = key.attachment();
		if (stream instanceof Stream s) {
			this.streams.remove(s);
		}
		key.cancel();
		try {
			channel.close();
		}
		catch (IOException ex) {
			// closing anyway
		}
	}

	private void respond(SelectionKey key, SocketChannel channel, String requestLine) {
		String[] parts = requestLine.split(" ");
		URI uri = URI.create(parts.length > 1 ? parts[1] : "/");
		if (uri.getPath().equals("/stream")) {
			Stream stream = new Stream(channel);
			key.attach(stream);
			stream.send(STREAM_HEAD);
			this.streams.add(stream);
			return;
		}
		String body;
		String status = "200 OK";
		switch (uri.getPath()) {
			case "/publish" -> {
				Map<String, String> q = query(uri.getRawQuery());
				String html = Payloads.html(Integer.parseInt(q.getOrDefault("lines", "20")),
						Integer.parseInt(q.getOrDefault("bytes", "1024")));
				boolean started = this.loop.start(this, Double.parseDouble(q.getOrDefault("rate", "10")),
						Integer.parseInt(q.getOrDefault("count", "1")), Double.parseDouble(q.getOrDefault("seconds", "60")),
						html);
				status = started ? "202 Accepted" : "409 Conflict";
				body = started ? "started\n" : "already publishing\n";
			}
			case "/status" -> body = "subscribers=" + this.streams.size() + " publishing=" + this.loop.isRunning() + "\n";
			case "/mem" -> {
				System.gc();
				System.gc();
				body = "heap=" + ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() + " subscribers="
						+ this.streams.size() + " publishing=" + this.loop.isRunning() + "\n";
			}
			default -> {
				status = "404 Not Found";
				body = "";
			}
		}
		byte[] bytes = body.getBytes(StandardCharsets.US_ASCII);
		String answer = "HTTP/1.1 " + status + "\r\nContent-Type: text/plain\r\nContent-Length: " + bytes.length
				+ "\r\nConnection: close\r\n\r\n" + body;
		try {
			channel.write(ByteBuffer.wrap(answer.getBytes(StandardCharsets.US_ASCII)));
			channel.close();
		}
		catch (IOException ex) {
			// the client left
		}
		key.cancel();
	}

	private static Map<String, String> query(String raw) {
		Map<String, String> q = new HashMap<>();
		if (raw != null) {
			for (String pair : raw.split("&")) {
				int eq = pair.indexOf('=');
				if (eq > 0) {
					q.put(pair.substring(0, eq), pair.substring(eq + 1));
				}
			}
		}
		return q;
	}

	@Override
	public void publish(String html) {
		byte[] event = ("event: datastar-patch-elements\n" + "data: " + Payloads.prefixLines("elements", html)
			.replace("\n", "\ndata: ") + "\n\n").getBytes(StandardCharsets.UTF_8);
		for (Stream stream : this.streams) {
			if (!stream.send(event)) {
				this.streams.remove(stream);
			}
		}
	}

	@Override
	public int subscribers() {
		return this.streams.size();
	}

	/** A socket and what it has not taken yet; written by the publishing thread only. */
	private static final class Stream {

		private final SocketChannel channel;

		private final ArrayDeque<ByteBuffer> backlog = new ArrayDeque<>();

		private int backlogBytes;

		Stream(SocketChannel channel) {
			this.channel = channel;
		}

		synchronized boolean send(byte[] bytes) {
			try {
				while (!this.backlog.isEmpty()) {
					ByteBuffer first = this.backlog.peek();
					this.backlogBytes -= this.channel.write(first);
					if (first.hasRemaining()) {
						break;
					}
					this.backlog.poll();
				}
				ByteBuffer buffer = ByteBuffer.wrap(bytes);
				if (this.backlog.isEmpty()) {
					this.channel.write(buffer);
				}
				if (buffer.hasRemaining()) {
					this.backlog.add(buffer);
					this.backlogBytes += buffer.remaining();
					if (this.backlogBytes > MAX_BACKLOG) {
						this.channel.close();
						return false;
					}
				}
				return true;
			}
			catch (IOException ex) {
				return false;
			}
		}

	}

}
