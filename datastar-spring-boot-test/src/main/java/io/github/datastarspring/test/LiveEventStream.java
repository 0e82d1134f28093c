package io.github.datastarspring.test;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

import org.jspecify.annotations.Nullable;

/**
 * A Datastar stream of a running server, read over a real HTTP/1.1 connection as it arrives:
 * what a browser tab sees, including how the response ends (the last chunk of a finished stream,
 * or a connection that just closes). Closing it drops the connection, as a tab that goes away.
 *
 * <pre class="code">
 * try (LiveEventStream page = LiveEventStream.connect("http://localhost:" + port + "/updates").open()) {
 *     assertThat(page.nextEvent()).isPatchElements().hasSelector("#list");
 * }
 * </pre>
 *
 * <p>The connection is a plain socket (no TLS), so the test also controls what a browser cannot:
 * a small receive buffer and a client that stops reading, to stall the server. Nothing is read
 * after the response headers until the test asks for events or for the end. Gzip-encoded
 * responses are decoded. One test thread uses a stream; every wait has a timeout.
 */
public final class LiveEventStream implements AutoCloseable {

	/** How long a wait lasts unless told otherwise. */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

	/** How a response ended. */
	public enum Ending {

		/**
		 * The server finished the response: the last chunk arrived, or all of the declared
		 * length, or (for a body with neither) the connection closed. The client does not retry.
		 */
		COMPLETED,

		/** The connection closed or was reset before the response was complete: a network error for the client. */
		ABORTED

	}

	private final Socket socket;

	private final Recording recording;

	private final int status;

	private final Map<String, List<String>> headers;

	private final InputStream body;

	private final Duration timeout;

	private final ByteArrayOutputStream bodyBytes = new ByteArrayOutputStream();

	private final SseParser parser = new SseParser();

	private final List<ReceivedEvent> events = new ArrayList<>();

	private int cursor;

	private @Nullable Ending ending;

	private @Nullable Thread reader;

	private volatile boolean closed;

	private LiveEventStream(Socket socket, Recording recording, int status, Map<String, List<String>> headers,
			InputStream body, Duration timeout) {
		this.socket = socket;
		this.recording = recording;
		this.status = status;
		this.headers = headers;
		this.body = body;
		this.timeout = timeout;
	}

	/** A request for {@code url} ({@code http://host:port/path?query}), GET unless told otherwise. */
	public static Builder connect(String url) {
		return new Builder(URI.create(url));
	}

	/** The same for a {@link URI}. */
	public static Builder connect(URI url) {
		return new Builder(url);
	}

	/** The response status. */
	public int status() {
		return this.status;
	}

	/** The first value of a response header (any case), or {@code null}. */
	public @Nullable String header(String name) {
		List<String> values = this.headers.get(name);
		return (values == null || values.isEmpty()) ? null : values.get(0);
	}

	/** Every response header, names in any case. */
	public Map<String, List<String>> headers() {
		return this.headers;
	}

	/** The next event, waiting up to 10 s; fails when none comes or the stream ends first. */
	public ReceivedEvent nextEvent() {
		return nextEvent(this.timeout);
	}

	/** The next event, waiting up to {@code timeout}; fails when none comes or the stream ends first. */
	public ReceivedEvent nextEvent(Duration timeout) {
		ReceivedEvent event = pollEvent(timeout);
		if (event == null) {
			synchronized (this) {
				throw new AssertionError(((this.ending != null) ? "The stream ended (" + this.ending + ")"
						: "No event within " + timeout) + "; the stream so far:\n" + describe());
			}
		}
		return event;
	}

	/** The next event, or {@code null} when none arrives within {@code timeout} or the stream ended. */
	public @Nullable ReceivedEvent pollEvent(Duration timeout) {
		startReading();
		long deadline = System.nanoTime() + timeout.toNanos();
		synchronized (this) {
			while (this.cursor >= this.events.size() && this.ending == null) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					return null;
				}
				waitNanos(left);
			}
			return (this.cursor < this.events.size()) ? this.events.get(this.cursor++) : null;
		}
	}

	/** The next {@code count} events, waiting up to 10 s in all. */
	public ReceivedEvents nextEvents(int count) {
		return nextEvents(count, this.timeout);
	}

	/** The next {@code count} events, waiting up to {@code timeout} in all; fails with fewer. */
	public ReceivedEvents nextEvents(int count, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		List<ReceivedEvent> next = new ArrayList<>();
		while (next.size() < count) {
			next.add(nextEvent(Duration.ofNanos(Math.max(0, deadline - System.nanoTime()))));
		}
		return ReceivedEvents.of(next);
	}

	/** Reads to the end of the response, waiting up to 10 s, and says how it ended. */
	public Ending awaitEnd() {
		return awaitEnd(this.timeout);
	}

	/** Reads to the end of the response and says how it ended; fails when it does not end within {@code timeout}. */
	public Ending awaitEnd(Duration timeout) {
		startReading();
		long deadline = System.nanoTime() + timeout.toNanos();
		synchronized (this) {
			while (this.ending == null) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					throw new AssertionError("The response neither ended nor failed within " + timeout
							+ "; the stream so far:\n" + describe());
				}
				waitNanos(left);
			}
			return this.ending;
		}
	}

	/** How the response ended, or {@code null} while it goes on (or nothing asked to read it yet). */
	public synchronized @Nullable Ending ending() {
		return this.ending;
	}

	/**
	 * Waits up to {@code timeout} until the raw response ({@link #rawResponse()}) contains
	 * {@code text}; fails when it does not, or when the response ends first.
	 */
	public void awaitRaw(String text, Duration timeout) {
		startReading();
		long deadline = System.nanoTime() + timeout.toNanos();
		synchronized (this) {
			while (!this.recording.text().contains(text)) {
				long left = deadline - System.nanoTime();
				if (this.ending != null || left <= 0) {
					throw new AssertionError("\"" + text + "\" did not arrive "
							+ ((this.ending != null) ? "before the end (" + this.ending + ")" : "within " + timeout)
							+ "; received:\n" + this.recording.text());
				}
				waitNanos(left);
			}
		}
	}

	/** Waits for the end of the response (up to 10 s) and returns the events not read yet. */
	public ReceivedEvents remainingEvents() {
		awaitEnd();
		synchronized (this) {
			List<ReceivedEvent> rest = List.copyOf(this.events.subList(this.cursor, this.events.size()));
			this.cursor = this.events.size();
			return ReceivedEvents.of(rest);
		}
	}

	/** Every event received so far, read or not, and the comments (heartbeats) between them. */
	public synchronized ReceivedEvents received() {
		return new ReceivedEvents(this.events, this.parser.comments());
	}

	/** The id of the last event received that had one, to resume with {@code Last-Event-ID}; or {@code null}. */
	public synchronized @Nullable String lastEventId() {
		for (int i = this.events.size() - 1; i >= 0; i--) {
			if (this.events.get(i).id() != null) {
				return this.events.get(i).id();
			}
		}
		return null;
	}

	/** The decoded body received so far (without chunk framing), as text. */
	public synchronized String body() {
		return this.bodyBytes.toString(StandardCharsets.UTF_8);
	}

	/** Every byte received so far as it came off the socket (status line, headers, chunk framing), as text. */
	public String rawResponse() {
		return this.recording.text();
	}

	/** Resizes the socket's receive buffer, for instance to read quickly what a stalled client left unread. */
	public void setReceiveBufferSize(int size) throws IOException {
		this.socket.setReceiveBufferSize(size);
	}

	/** Drops the connection. */
	@Override
	public void close() {
		this.closed = true;
		try {
			this.socket.close();
		}
		catch (IOException ex) {
			// Closing is all we wanted.
		}
	}

	private synchronized void startReading() {
		if (this.reader == null) {
			Thread thread = new Thread(this::read, "live-event-stream-" + this.socket.getLocalPort());
			thread.setDaemon(true);
			this.reader = thread;
			thread.start();
		}
	}

	private void read() {
		byte[] buffer = new byte[16 * 1024];
		Ending end;
		try {
			int n;
			while ((n = this.body.read(buffer)) >= 0) {
				if (n > 0) {
					synchronized (this) {
						this.bodyBytes.write(buffer, 0, n);
						this.events.addAll(this.parser.accept(buffer, 0, n));
						notifyAll();
					}
				}
			}
			end = complete(this.body) ? Ending.COMPLETED : Ending.ABORTED;
		}
		catch (IOException ex) {
			end = Ending.ABORTED;
		}
		synchronized (this) {
			this.ending = end;
			notifyAll();
		}
		if (!this.closed) {
			close();
		}
	}

	private static boolean complete(InputStream body) throws IOException {
		InputStream in = body;
		if (body instanceof GzipBody gzip) {
			// The gzip trailer ends the content; the framing (the last chunk) follows it.
			in = gzip.framing;
			byte[] rest = new byte[512];
			while (in.read(rest) >= 0) {
				// nothing after the gzip member is content
			}
		}
		return !(in instanceof FramedBody framed) || framed.complete();
	}

	private void waitNanos(long nanos) {
		try {
			wait(Math.max(1, nanos / 1_000_000));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the stream", ex);
		}
	}

	private String describe() {
		String text = ReceivedEvents.of(this.events).toString() + this.parser.pending();
		return text.isEmpty() ? "(nothing)" : text;
	}

	/** A request for a stream; {@link #open()} sends it. */
	public static final class Builder {

		private final URI url;

		private String method = "GET";

		private @Nullable String signals;

		private final Map<String, String> headers = new LinkedHashMap<>();

		private int receiveBufferSize;

		private Duration timeout = DEFAULT_TIMEOUT;

		private Builder(URI url) {
			if (!"http".equalsIgnoreCase(url.getScheme())) {
				throw new IllegalArgumentException("Only http:// URLs are supported, not " + url);
			}
			this.url = url;
			this.headers.put(ClientRequest.DATASTAR_REQUEST, "true");
			this.headers.put("Accept", ClientRequest.ACCEPT);
		}

		/** The HTTP method (GET by default). */
		public Builder method(String method) {
			this.method = method.toUpperCase(Locale.ROOT);
			return this;
		}

		/**
		 * Signals, sent as the client does: the {@code datastar} query parameter for GET and DELETE,
		 * a JSON body otherwise. A JSON string, or any object Jackson writes as JSON.
		 */
		public Builder signals(Object signals) {
			this.signals = ClientRequest.json(signals);
			return this;
		}

		/** Resumes after an event, as the client does when it reconnects ({@code null}: a fresh connection). */
		public Builder lastEventId(@Nullable String id) {
			if (id == null) {
				this.headers.remove("Last-Event-ID");
			}
			else {
				this.headers.put("Last-Event-ID", id);
			}
			return this;
		}

		/** Adds or replaces a request header. */
		public Builder header(String name, String value) {
			this.headers.put(name, value);
			return this;
		}

		/** A small receive buffer (bytes), for a client that stalls the server by not reading. */
		public Builder receiveBufferSize(int bytes) {
			this.receiveBufferSize = bytes;
			return this;
		}

		/** How long to wait for the connection, the response headers, and events by default (10 s). */
		public Builder timeout(Duration timeout) {
			this.timeout = timeout;
			return this;
		}

		/** Sends the request and returns once the response headers are in. */
		public LiveEventStream open() throws IOException {
			URI target = this.url;
			byte[] content = null;
			String contentType = null;
			if (this.signals != null) {
				if (ClientRequest.signalsInQuery(this.method)) {
					target = DatastarHttpRequests.withSignals(target, this.signals);
				}
				else {
					content = this.signals.getBytes(StandardCharsets.UTF_8);
					contentType = "application/json";
				}
			}
			Socket socket = new Socket();
			try {
				if (this.receiveBufferSize > 0) {
					socket.setReceiveBufferSize(this.receiveBufferSize);
				}
				String host = target.getHost();
				int port = (target.getPort() > 0) ? target.getPort() : 80;
				socket.connect(new InetSocketAddress(host, port), (int) this.timeout.toMillis());
				OutputStream out = socket.getOutputStream();
				out.write(requestHead(target, host, port, content, contentType).getBytes(StandardCharsets.UTF_8));
				if (content != null) {
					out.write(content);
				}
				out.flush();
				Recording recording = new Recording(socket.getInputStream());
				socket.setSoTimeout((int) this.timeout.toMillis());
				Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
				int status;
				do {
					headers.clear();
					status = readHead(recording, headers);
				}
				while (status >= 100 && status < 200);
				// From here the reader thread waits as long as the server takes; tests bound their waits.
				socket.setSoTimeout(0);
				InputStream body = body(recording, status, headers);
				return new LiveEventStream(socket, recording, status, headers, body, this.timeout);
			}
			catch (IOException | RuntimeException ex) {
				socket.close();
				throw ex;
			}
		}

		private String requestHead(URI target, String host, int port, byte @Nullable [] content,
				@Nullable String contentType) {
			String path = (target.getRawPath() == null || target.getRawPath().isEmpty()) ? "/" : target.getRawPath();
			if (target.getRawQuery() != null) {
				path += "?" + target.getRawQuery();
			}
			StringBuilder head = new StringBuilder();
			head.append(this.method).append(' ').append(path).append(" HTTP/1.1\r\n");
			head.append("Host: ").append(host).append(':').append(port).append("\r\n");
			this.headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
			if (content != null) {
				head.append("Content-Type: ").append(contentType).append("\r\n");
				head.append("Content-Length: ").append(content.length).append("\r\n");
			}
			else if (!ClientRequest.signalsInQuery(this.method)) {
				head.append("Content-Length: 0\r\n");
			}
			return head.append("\r\n").toString();
		}

		private static int readHead(InputStream in, Map<String, List<String>> headers) throws IOException {
			String statusLine = readLine(in);
			String[] parts = statusLine.split(" ", 3);
			if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
				throw new IOException("Not an HTTP response: " + statusLine);
			}
			String line;
			while (!(line = readLine(in)).isEmpty()) {
				int colon = line.indexOf(':');
				if (colon > 0) {
					headers.computeIfAbsent(line.substring(0, colon).trim(), (k) -> new ArrayList<>())
						.add(line.substring(colon + 1).trim());
				}
			}
			return Integer.parseInt(parts[1]);
		}

		private InputStream body(InputStream raw, int status, Map<String, List<String>> headers) throws IOException {
			// Buffered only after the headers: until the test reads, the socket keeps the rest.
			InputStream in = new BufferedInputStream(raw);
			InputStream framed;
			String transferEncoding = first(headers, "Transfer-Encoding");
			String contentLength = first(headers, "Content-Length");
			if (this.method.equals("HEAD") || status == 204 || status == 304) {
				framed = new FramedBody(in, 0);
			}
			else if (transferEncoding != null && transferEncoding.toLowerCase(Locale.ROOT).contains("chunked")) {
				framed = new ChunkedBody(in);
			}
			else if (contentLength != null) {
				framed = new FramedBody(in, Long.parseLong(contentLength.trim()));
			}
			else {
				framed = in;
			}
			String encoding = first(headers, "Content-Encoding");
			return (encoding != null && encoding.trim().equalsIgnoreCase("gzip")) ? new GzipBody(framed) : framed;
		}

		private static @Nullable String first(Map<String, List<String>> headers, String name) {
			List<String> values = headers.get(name);
			return (values == null || values.isEmpty()) ? null : values.get(0);
		}

	}

	/** One CRLF-terminated line, read byte by byte so that nothing after it is consumed. */
	static String readLine(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		int b;
		while ((b = in.read()) != '\n') {
			if (b < 0) {
				throw new IOException("Connection closed in the middle of a line: " + line.toString(StandardCharsets.UTF_8));
			}
			line.write(b);
		}
		byte[] bytes = line.toByteArray();
		int length = (bytes.length > 0 && bytes[bytes.length - 1] == '\r') ? bytes.length - 1 : bytes.length;
		return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
	}

	/** The socket's input, keeping a copy of every byte. */
	private static final class Recording extends InputStream {

		private final InputStream in;

		private final ByteArrayOutputStream copy = new ByteArrayOutputStream();

		Recording(InputStream in) {
			this.in = in;
		}

		@Override
		public int read() throws IOException {
			int b = this.in.read();
			if (b >= 0) {
				synchronized (this.copy) {
					this.copy.write(b);
				}
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = this.in.read(buffer, offset, length);
			if (n > 0) {
				synchronized (this.copy) {
					this.copy.write(buffer, offset, n);
				}
			}
			return n;
		}

		String text() {
			synchronized (this.copy) {
				return this.copy.toString(StandardCharsets.UTF_8);
			}
		}

	}

	/** A body of a known length; complete when all of it arrived. */
	private static class FramedBody extends InputStream {

		final InputStream in;

		long remaining;

		FramedBody(InputStream in, long length) {
			this.in = in;
			this.remaining = length;
		}

		boolean complete() {
			return this.remaining == 0;
		}

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			return (read(one, 0, 1) < 0) ? -1 : (one[0] & 0xff);
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			if (this.remaining <= 0) {
				return -1;
			}
			int n = this.in.read(buffer, offset, (int) Math.min(length, this.remaining));
			if (n > 0) {
				this.remaining -= n;
			}
			return n;
		}

	}

	/** A chunked body; complete when the last (empty) chunk and the trailers arrived. */
	private static final class ChunkedBody extends FramedBody {

		private boolean finished;

		/** A chunk's data was read; the CRLF after it is read with the next chunk's size. */
		private boolean dataEndPending;

		ChunkedBody(InputStream in) {
			super(in, 0);
		}

		@Override
		boolean complete() {
			return this.finished;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			if (this.finished) {
				return -1;
			}
			if (this.remaining == 0) {
				String size;
				try {
					if (this.dataEndPending) {
						readLine(this.in);
						this.dataEndPending = false;
					}
					size = readLine(this.in);
				}
				catch (IOException ex) {
					return -1;
				}
				int extension = size.indexOf(';');
				this.remaining = Long.parseLong(((extension < 0) ? size : size.substring(0, extension)).trim(), 16);
				if (this.remaining == 0) {
					try {
						while (!readLine(this.in).isEmpty()) {
							// trailers: not needed
						}
						this.finished = true;
					}
					catch (IOException ex) {
						// Closed after the last chunk but before its final CRLF: not complete.
					}
					return -1;
				}
			}
			int n = this.in.read(buffer, offset, (int) Math.min(length, this.remaining));
			if (n < 0) {
				return -1;
			}
			this.remaining -= n;
			// Not waiting for the CRLF after the data, as a browser does not: Jetty sends it only
			// in front of the next chunk, which on a quiet stream comes a heartbeat later.
			this.dataEndPending = this.remaining == 0;
			return n;
		}

	}

	/** A gzip-encoded body: each flushed piece decodes as it arrives. */
	private static final class GzipBody extends InputStream {

		final InputStream framing;

		private @Nullable GZIPInputStream gzip;

		GzipBody(InputStream framing) {
			this.framing = framing;
		}

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			int n;
			while ((n = read(one, 0, 1)) == 0) {
				// a flush with no output yet
			}
			return (n < 0) ? -1 : (one[0] & 0xff);
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			if (this.gzip == null) {
				// Created on first read: its constructor blocks for the gzip header.
				this.gzip = new GZIPInputStream(this.framing, 512);
			}
			return this.gzip.read(buffer, offset, length);
		}

	}

}
