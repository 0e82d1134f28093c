package io.github.datastarspring.mvc;

import java.io.IOException;

import io.github.datastarspring.core.internal.StreamTransport;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.ServletResponseWrapper;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * A stream's connection on a servlet container: non-blocking writes ({@link WriteListener},
 * {@code isReady}), so that a client that stops reading costs its stream's queue, never a
 * thread. Where the non-blocking API is missing (a mock response) writes block instead.
 */
final class ServletStreamTransport implements StreamTransport, WriteListener {

	private static final Log logger = LogFactory.getLog(ServletStreamTransport.class);

	private static final int NONE = 0;

	private static final int END = 1;

	private static final int ABORT = 2;

	private final HttpServletRequest request;

	private final HttpServletResponse response;

	private final DeferredResult<Object> result;

	private @Nullable Events events;

	private volatile @Nullable ServletOutputStream out;

	private boolean blocking;

	/** The headers, then whatever a write could not flush. */
	private boolean flushNeeded = true;

	/** An end asked for before the async request started; guarded by {@code this}. */
	private int endBeforeActive = NONE;

	ServletStreamTransport(HttpServletRequest request, HttpServletResponse response, DeferredResult<Object> result) {
		this.request = request;
		this.response = response;
		this.result = result;
	}

	@Override
	public void start(Events events) {
		this.events = events;
	}

	/** Starts writing; call once the async request has started. */
	void activate() throws IOException {
		ServletOutputStream stream = this.response.getOutputStream();
		try {
			stream.setWriteListener(this);
		}
		catch (UnsupportedOperationException | IllegalStateException ex) {
			this.blocking = true;
		}
		int ending;
		synchronized (this) {
			this.out = stream;
			ending = this.endBeforeActive;
		}
		if (ending == END) {
			end();
		}
		else if (ending == ABORT) {
			abort();
		}
		else if (this.blocking) {
			this.events.writePossible();
		}
	}

	@Override
	public @Nullable String acceptEncoding() {
		return this.request.getHeader(HttpHeaders.ACCEPT_ENCODING);
	}

	@Override
	public void contentEncoding(String token) {
		this.response.setHeader(HttpHeaders.CONTENT_ENCODING, token);
		this.response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
	}

	@Override
	public boolean isReady() throws IOException {
		ServletOutputStream o = this.out;
		if (o == null) {
			return false;
		}
		if (this.blocking) {
			if (this.flushNeeded) {
				this.flushNeeded = false;
				o.flush();
			}
			return true;
		}
		if (!o.isReady()) {
			return false;
		}
		if (this.flushNeeded) {
			this.flushNeeded = false;
			o.flush();
			return o.isReady();
		}
		return true;
	}

	@Override
	public void write(byte[] chunk) throws IOException {
		ServletOutputStream o = this.out;
		o.write(chunk);
		if (this.blocking || o.isReady()) {
			o.flush();
		}
		else {
			this.flushNeeded = true;
		}
	}

	@Override
	public void end() {
		if (!active(END)) {
			return;
		}
		try {
			this.result.setResult(null);
		}
		catch (IllegalStateException ex) {
			// The container already ended the async request (the client left first).
			logger.debug("Datastar stream already ended by the container", ex);
		}
	}

	@Override
	public void abort() {
		// Closing puts the async request in error; the container then ends it itself (ending it
		// here as well raced with that). Elsewhere, end the stream normally.
		if (!active(ABORT)) {
			return;
		}
		ServletResponse container = this.response;
		while (container instanceof ServletResponseWrapper wrapper) {
			container = wrapper.getResponse();
		}
		if (!TomcatConnectionAborter.closeNow(container) && !JettyConnectionAborter.closeNow(container)) {
			end();
		}
	}

	private synchronized boolean active(int ending) {
		if (this.out == null) {
			this.endBeforeActive = ending;
			return false;
		}
		return true;
	}

	/** Called by the container: the client can take more. */
	@Override
	public void onWritePossible() {
		this.events.writePossible();
	}

	/** Called by the container when a write failed: the client left. */
	@Override
	public void onError(Throwable ex) {
		if (logger.isDebugEnabled()) {
			logger.debug("Datastar stream closed by the client: " + ex);
		}
		this.events.closed();
	}

	/** The container ended the request (completion, error, timeout). */
	void closedByContainer() {
		Events e = this.events;
		if (e != null) {
			e.closed();
		}
	}

}
