package io.github.datastarspring.core;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Generic SSE events laid out the protocol's way ({@code event}, {@code id}, {@code retry}, then
 * comment and data lines, a space after every colon), so that events a framework formats from
 * separate fields come out byte for byte as {@link DatastarEventEncoder} writes them.
 */
public final class SseFormat {

	private static final byte[] DATA = "data: ".getBytes(StandardCharsets.US_ASCII);

	private SseFormat() {
	}

	/**
	 * The data of an event as one text, a line per {@code data:} line ({@code "selector #x\nelements <p>"}).
	 * Written back with {@link #encode}, it gives the same bytes as {@code encoder.encode(event)}.
	 */
	public static String data(DatastarEventEncoder encoder, DatastarEvent event) {
		byte[] bytes = encoder.encode(event);
		StringBuilder out = new StringBuilder(bytes.length);
		int start = 0;
		for (int i = 0; i < bytes.length; i++) {
			if (bytes[i] == '\n') {
				if (startsWithData(bytes, start, i)) {
					if (out.length() > 0) {
						out.append('\n');
					}
					out.append(new String(bytes, start + DATA.length, i - start - DATA.length, StandardCharsets.UTF_8));
				}
				start = i + 1;
			}
		}
		return out.toString();
	}

	/**
	 * One event from its fields; {@code null} fields are left out, as is a retry of 1000 ms (the
	 * client's default). Multi-line comment and data become one line each per line.
	 * @throws IllegalArgumentException if {@code event} or {@code id} contains CR or LF
	 */
	public static byte[] encode(String event, String id, Duration retry, String comment, String data) {
		SseBuffer out = SseBuffer.acquire();
		try {
			if (event != null) {
				out.field("event", SingleLine.require("event", event));
			}
			if (id != null) {
				out.field("id", SingleLine.require("id", id));
			}
			if (retry != null && !retry.equals(DatastarEvent.DEFAULT_RETRY)) {
				out.field("retry", Long.toString(SingleLine.requireRetry(retry).toMillis()));
			}
			if (comment != null) {
				lines(out, ":", comment);
			}
			if (data != null) {
				lines(out, "data:", data);
			}
			out.newline();
			return out.toByteArray();
		}
		finally {
			out.release();
		}
	}

	private static void lines(SseBuffer out, String prefix, String text) {
		int start = 0;
		int len = text.length();
		for (int i = 0; i <= len; i++) {
			char c = (i < len) ? text.charAt(i) : '\n';
			if (c == '\n' || c == '\r') {
				out.ascii(prefix).ascii(" ");
				out.utf8(text, start, i);
				out.newline();
				if (c == '\r' && i + 1 < len && text.charAt(i + 1) == '\n') {
					i++;
				}
				start = i + 1;
			}
		}
	}

	private static boolean startsWithData(byte[] bytes, int from, int to) {
		if (to - from < DATA.length) {
			return false;
		}
		for (int i = 0; i < DATA.length; i++) {
			if (bytes[from + i] != DATA[i]) {
				return false;
			}
		}
		return true;
	}

}
