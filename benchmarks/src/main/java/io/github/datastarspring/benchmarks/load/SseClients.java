package io.github.datastarspring.benchmarks.load;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Holds many SSE connections to one loopback server on a single selector thread: raw HTTP/1.1
 * GETs, chunked transfer decoding and SSE parsing done incrementally per read, each event's
 * arrival timestamped with {@link System#nanoTime()}. An event's first data line must carry
 * {@code data-t="<seq>-<publish nanoTime>"} within its first 128 bytes; latency is arrival minus
 * publish on the same monotonic clock.
 *
 * <p>Bounded: it refuses more than {@link #MAX_CONNECTIONS} connections and any address that is not
 * loopback; {@link #close()} ends the thread and every connection.
 */
public final class SseClients implements AutoCloseable {

	/** Below {@code ulimit -n} (20,000 here), with room for the JVM's own files. */
	public static final int MAX_CONNECTIONS = 19_000;

	private static final int MAX_PENDING_CONNECTS = 64;

	private final InetSocketAddress address;

	private final byte[] request;

	private final Selector selector;

	private final Thread thread;

	private volatile boolean stopped;

	private volatile int wanted;

	private int opened;

	private int pendingConnects;

	private volatile int ready;

	private volatile int failed;

	// Deliveries, appended by the selector thread, read by others up to the volatile count.
	private final int[] seqs;

	private final int[] latenciesMicros;

	private volatile int deliveries;

	private volatile long overflow;

	private volatile long bytesRead;

	private volatile long maxPassNanos;

	private volatile long lastDeliveryNanos;

	public SseClients(int port, String path, int capacity) throws IOException {
		InetAddress loopback = InetAddress.getLoopbackAddress();
		if (!loopback.isLoopbackAddress()) {
			throw new IllegalStateException("Loopback only");
		}
		this.address = new InetSocketAddress(loopback, port);
		this.request = ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
				+ "\r\nAccept: text/event-stream\r\nCache-Control: no-cache\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII);
		this.seqs = new int[capacity];
		this.latenciesMicros = new int[capacity];
		this.selector = Selector.open();
		this.thread = new Thread(this::loop, "sse-clients");
		this.thread.setPriority(Thread.MAX_PRIORITY);
		this.thread.start();
	}

	/** Opens connections until {@code total} are open or failed (at most 64 connecting at once). */
	public void connect(int total) {
		if (total > MAX_CONNECTIONS) {
			throw new IllegalArgumentException("At most " + MAX_CONNECTIONS + " connections");
		}
		this.wanted = total;
		this.selector.wakeup();
	}

	/** Connections that received their first SSE block (the server's ": ok" comment). */
	public int ready() {
		return this.ready;
	}

	/** Connections refused, reset, or ended by the server. */
	public int failed() {
		return this.failed;
	}

	public int deliveries() {
		return this.deliveries;
	}

	public long bytesRead() {
		return this.bytesRead;
	}

	/** Deliveries not recorded because the arrays were full (counted in {@link #deliveries()} nonetheless). */
	public long overflow() {
		return this.overflow;
	}

	/** Longest single pass of the selector loop: how late the load generator itself can be. */
	public long maxPassNanos() {
		return this.maxPassNanos;
	}

	/** When the last event arrived ({@link System#nanoTime()}). */
	public long lastDeliveryNanos() {
		return this.lastDeliveryNanos;
	}

	public void resetMaxPass() {
		this.maxPassNanos = 0;
	}

	/** Copies the recorded deliveries in {@code [from, to)}: sequence number and latency in µs. */
	public void copy(int from, int to, int[] seqOut, int[] latencyOut) {
		int n = Math.min(to, this.seqs.length) - from;
		if (n > 0) {
			System.arraycopy(this.seqs, from, seqOut, 0, n);
			System.arraycopy(this.latenciesMicros, from, latencyOut, 0, n);
		}
	}

	@Override
	public void close() throws IOException {
		this.stopped = true;
		this.selector.wakeup();
		try {
			this.thread.join(10_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void loop() {
		ByteBuffer buffer = ByteBuffer.allocate(256 * 1024);
		byte[] array = buffer.array();
		List<Connection> all = new ArrayList<>();
		try {
			while (!this.stopped) {
				openMore(all);
				this.selector.select(20);
				long passStart = System.nanoTime();
				Iterator<SelectionKey> keys = this.selector.selectedKeys().iterator();
				while (keys.hasNext()) {
					SelectionKey key = keys.next();
					keys.remove();
					Connection c = (Connection) key.attachment();
					try {
						if (key.isConnectable()) {
							c.channel.finishConnect();
							this.pendingConnects--;
							c.channel.write(ByteBuffer.wrap(this.request));
							key.interestOps(SelectionKey.OP_READ);
						}
						else if (key.isReadable()) {
							buffer.clear();
							int n = c.channel.read(buffer);
							if (n < 0) {
								fail(c, key);
							}
							else if (n > 0) {
								this.bytesRead += n;
								c.feed(array, 0, n, System.nanoTime());
							}
						}
					}
					catch (IOException ex) {
						if (key.isConnectable() || !c.connected) {
							this.pendingConnects--;
						}
						fail(c, key);
					}
				}
				long pass = System.nanoTime() - passStart;
				if (pass > this.maxPassNanos) {
					this.maxPassNanos = pass;
				}
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			for (Connection c : all) {
				try {
					c.channel.close();
				}
				catch (IOException ex) {
					// closing anyway
				}
			}
			try {
				this.selector.close();
			}
			catch (IOException ex) {
				// closing anyway
			}
		}
	}

	private void openMore(List<Connection> all) throws IOException {
		while (this.opened < this.wanted && this.pendingConnects < MAX_PENDING_CONNECTS) {
			SocketChannel channel = SocketChannel.open();
			channel.configureBlocking(false);
			channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
			Connection c = new Connection(channel);
			all.add(c);
			this.opened++;
			this.pendingConnects++;
			if (channel.connect(this.address)) {
				this.pendingConnects--;
				c.connected = true;
				channel.write(ByteBuffer.wrap(this.request));
				channel.register(this.selector, SelectionKey.OP_READ, c);
			}
			else {
				channel.register(this.selector, SelectionKey.OP_CONNECT, c);
			}
		}
	}

	private void fail(Connection c, SelectionKey key) {
		key.cancel();
		try {
			c.channel.close();
		}
		catch (IOException ex) {
			// already broken
		}
		this.failed++;
	}

	private void record(int seq, long publishNanos, long arrivalNanos) {
		int i = this.deliveries;
		if (i < this.seqs.length) {
			this.seqs[i] = seq;
			long micros = (arrivalNanos - publishNanos) / 1000;
			this.latenciesMicros[i] = (int) Math.min(Integer.MAX_VALUE, Math.max(0, micros));
		}
		else {
			this.overflow++;
		}
		this.lastDeliveryNanos = arrivalNanos;
		this.deliveries = i + 1;
	}

	private static final byte[] STAMP = "data-t=\"".getBytes(StandardCharsets.US_ASCII);

	/** Index just after {@code data-t="} in {@code line[0, max)}, or -1. */
	private static int indexOfStamp(byte[] line, int max) {
		outer: for (int i = 0; i + STAMP.length <= max; i++) {
			for (int j = 0; j < STAMP.length; j++) {
				if (line[i + j] != STAMP[j]) {
					continue outer;
				}
			}
			return i + STAMP.length;
		}
		return -1;
	}

	/** One connection: HTTP response head, then chunked or plain body, then SSE lines. */
	private final class Connection {

		private static final int HEAD = 0;

		private static final int CHUNK_SIZE = 1;

		private static final int CHUNK_DATA = 2;

		private static final int CHUNK_END = 3;

		private static final int PLAIN = 4;

		final SocketChannel channel;

		boolean connected;

		private int state = HEAD;

		private final StringBuilder head = new StringBuilder();

		private int chunkRemaining;

		private int chunkSize;

		private boolean isReady;

		// SSE line state: only the first bytes of a line are kept, enough for the data-t stamp.
		private final byte[] line = new byte[128];

		private int lineLength;

		private int linesInEvent;

		private int pendingSeq = -1;

		private long pendingPublish;

		Connection(SocketChannel channel) {
			this.channel = channel;
		}

		void feed(byte[] b, int off, int len, long now) throws IOException {
			int end = off + len;
			int i = off;
			while (i < end) {
				switch (this.state) {
					case HEAD -> {
						char c = (char) b[i++];
						this.head.append(c);
						int n = this.head.length();
						if (n >= 4 && this.head.charAt(n - 1) == '\n' && this.head.charAt(n - 2) == '\r'
								&& this.head.charAt(n - 3) == '\n' && this.head.charAt(n - 4) == '\r') {
							String h = this.head.toString().toLowerCase();
							if (!h.startsWith("http/1.1 200")) {
								throw new IOException("Unexpected response: " + h.lines().findFirst().orElse(""));
							}
							this.state = h.contains("transfer-encoding: chunked") ? CHUNK_SIZE : PLAIN;
							this.head.setLength(0);
						}
						else if (n > 16384) {
							throw new IOException("Response head too long");
						}
					}
					case CHUNK_SIZE -> {
						byte c = b[i++];
						if (c == '\n') {
							if (this.chunkSize == 0) {
								throw new IOException("Stream ended by the server");
							}
							this.chunkRemaining = this.chunkSize;
							this.chunkSize = 0;
							this.state = CHUNK_DATA;
						}
						else if (c != '\r' && c != ';') {
							this.chunkSize = this.chunkSize * 16 + Character.digit(c, 16);
						}
					}
					case CHUNK_DATA -> {
						int n = Math.min(this.chunkRemaining, end - i);
						sse(b, i, n, now);
						i += n;
						this.chunkRemaining -= n;
						if (this.chunkRemaining == 0) {
							this.state = CHUNK_END;
						}
					}
					case CHUNK_END -> {
						if (b[i++] == '\n') {
							this.state = CHUNK_SIZE;
						}
					}
					default -> {
						sse(b, i, end - i, now);
						i = end;
					}
				}
			}
		}

		private void sse(byte[] b, int off, int len, long now) {
			for (int i = off, end = off + len; i < end; i++) {
				byte c = b[i];
				if (c == '\n') {
					endLine(now);
				}
				else if (c != '\r') {
					if (this.lineLength < this.line.length) {
						this.line[this.lineLength] = c;
					}
					this.lineLength++;
				}
			}
		}

		private void endLine(long now) {
			int n = this.lineLength;
			this.lineLength = 0;
			int lineInEvent = this.linesInEvent++;
			if (n == 0) {
				this.linesInEvent = 0;
				if (!this.isReady) {
					this.isReady = true;
					SseClients.this.ready++;
				}
				if (this.pendingSeq >= 0) {
					record(this.pendingSeq, this.pendingPublish, now);
					this.pendingSeq = -1;
				}
				return;
			}
			// The stamp is on the first data line, after "event:" and perhaps "id:" and "retry:".
			if (this.pendingSeq >= 0 || lineInEvent > 3) {
				return;
			}
			byte[] l = this.line;
			int max = Math.min(n, l.length);
			int i = indexOfStamp(l, max);
			if (i < 0) {
				return;
			}
			int seq = 0;
			while (i < max && l[i] != '-') {
				seq = seq * 10 + (l[i++] - '0');
			}
			i++;
			long publish = 0;
			while (i < max && l[i] != '"') {
				publish = publish * 10 + (l[i++] - '0');
			}
			this.pendingSeq = seq;
			this.pendingPublish = publish;
		}

	}

}
