package io.github.datastarspring.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets the CSRF check read the signals of a Datastar request's JSON body and the controller read
 * the same body afterwards. Sits just before Spring Security's {@code CsrfFilter}; the body is
 * read only if the CSRF check asks for it, and no further than the signals size limit.
 */
final class SignalsBodyCachingFilter extends OncePerRequestFilter {

	private final long maxBytes;

	SignalsBodyCachingFilter(long maxBytes) {
		this.maxBytes = maxBytes;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String contentType = request.getContentType();
		if (ServletAnswers.isDatastarRequest(request) && contentType != null
				&& contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
			chain.doFilter(new CachedBodyRequest(request, this.maxBytes), response);
			return;
		}
		chain.doFilter(request, response);
	}

	/** A request whose body can be read by the CSRF check and again by the application. */
	static final class CachedBodyRequest extends HttpServletRequestWrapper {

		private final long maxBytes;

		private byte[] body;

		private boolean streamTaken;

		CachedBodyRequest(HttpServletRequest request, long maxBytes) {
			super(request);
			this.maxBytes = maxBytes;
		}

		/** The body, read once; {@code null} when it is larger than the limit or already being streamed. */
		synchronized byte[] body() throws IOException {
			if (this.body == null && !this.streamTaken) {
				long declared = getContentLengthLong();
				if (declared > this.maxBytes) {
					return null;
				}
				byte[] read = super.getInputStream().readNBytes((int) Math.min(this.maxBytes + 1, Integer.MAX_VALUE - 8));
				if (read.length > this.maxBytes) {
					// Too large to be signals we accept: hand what was read back to the application,
					// which answers 413 as it would without this filter.
					this.body = read;
					return null;
				}
				this.body = read;
			}
			return (this.body != null && this.body.length <= this.maxBytes) ? this.body : null;
		}

		@Override
		public synchronized ServletInputStream getInputStream() throws IOException {
			if (this.body == null) {
				this.streamTaken = true;
				return super.getInputStream();
			}
			ServletInputStream rest = (this.body.length > this.maxBytes) ? super.getInputStream() : null;
			return new ReplayingInputStream(new ByteArrayInputStream(this.body), rest);
		}

		@Override
		public java.io.BufferedReader getReader() throws IOException {
			String encoding = (getCharacterEncoding() != null) ? getCharacterEncoding() : "UTF-8";
			return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), encoding));
		}

	}

	/** The cached bytes, then whatever of the original stream was not read. */
	private static final class ReplayingInputStream extends ServletInputStream {

		private final ByteArrayInputStream cached;

		private final ServletInputStream rest;

		ReplayingInputStream(ByteArrayInputStream cached, ServletInputStream rest) {
			this.cached = cached;
			this.rest = rest;
		}

		@Override
		public int read() throws IOException {
			int b = this.cached.read();
			return (b >= 0 || this.rest == null) ? b : this.rest.read();
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = this.cached.read(buffer, offset, length);
			if (n > 0 || this.rest == null) {
				return n;
			}
			return this.rest.read(buffer, offset, length);
		}

		@Override
		public boolean isFinished() {
			return this.cached.available() == 0 && (this.rest == null || this.rest.isFinished());
		}

		@Override
		public boolean isReady() {
			return true;
		}

		@Override
		public void setReadListener(ReadListener listener) {
			throw new UnsupportedOperationException("Blocking reads only");
		}

	}

}
