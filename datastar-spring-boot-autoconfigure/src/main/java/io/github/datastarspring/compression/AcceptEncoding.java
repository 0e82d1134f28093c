package io.github.datastarspring.compression;

import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Picks a content coding from an {@code Accept-Encoding} header (RFC 9110, section 12.5.3): the
 * highest q-value wins, {@code br} before {@code gzip} before identity on a tie; {@code *} stands
 * for every coding not named; q=0 refuses a coding. Identity is acceptable unless refused, but
 * ranks below any coding the client names, since a client that names one wants it.
 */
final class AcceptEncoding {

	/** Implicit q of identity when the header does not mention it: below any named coding. */
	private static final double IMPLICIT_IDENTITY = 0.0001;

	/** RFC 9110 qvalue: 0 to 1 with at most three decimals. */
	private static final Pattern QVALUE = Pattern.compile("0(\\.\\d{0,3})?|1(\\.0{0,3})?");

	private AcceptEncoding() {
	}

	/**
	 * The coding to use: {@code "br"}, {@code "gzip"} or {@code null} for identity. A client that
	 * refuses identity gets any coding it accepts; one that refuses everything we have gets
	 * identity all the same (a stream cannot answer 406 once the application chose to stream).
	 */
	static @Nullable String negotiate(@Nullable String header, boolean brotli) {
		if (header == null || header.isBlank()) {
			return null;
		}
		double br = -1;
		double gzip = -1;
		double identity = -1;
		double any = -1;
		for (String element : header.split(",")) {
			int semicolon = element.indexOf(';');
			String coding = ((semicolon < 0) ? element : element.substring(0, semicolon)).trim()
				.toLowerCase(Locale.ROOT);
			if (coding.isEmpty()) {
				continue;
			}
			double q = (semicolon < 0) ? 1 : quality(element.substring(semicolon + 1));
			if (Double.isNaN(q)) {
				continue;
			}
			switch (coding) {
				case "br" -> br = Math.max(br, q);
				case "gzip", "x-gzip" -> gzip = Math.max(gzip, q);
				case "identity" -> identity = Math.max(identity, q);
				case "*" -> any = Math.max(any, q);
				default -> {
				}
			}
		}
		if (br < 0) {
			br = any;
		}
		if (gzip < 0) {
			gzip = any;
		}
		if (identity < 0) {
			identity = (any == 0) ? 0 : IMPLICIT_IDENTITY;
		}
		if (!brotli) {
			br = -1;
		}
		if (br > 0 && br >= gzip && br >= identity) {
			return "br";
		}
		if (gzip > 0 && gzip >= identity) {
			return "gzip";
		}
		return null;
	}

	/** The q parameter among the element's parameters: 1 when absent, NaN when malformed. */
	private static double quality(String parameters) {
		for (String parameter : parameters.split(";")) {
			int equals = parameter.indexOf('=');
			if (equals < 0 || !parameter.substring(0, equals).trim().equalsIgnoreCase("q")) {
				continue;
			}
			String value = parameter.substring(equals + 1).trim();
			return QVALUE.matcher(value).matches() ? Math.min(1, Double.parseDouble(value)) : Double.NaN;
		}
		return 1;
	}

}
