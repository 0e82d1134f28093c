package io.github.datastarspring.compression;

import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;

/**
 * Whether Brotli can be offered: brotli4j on the class path and its native library loaded. An
 * application that added brotli4j but whose platform has no native library is told once, at
 * startup, that it gets gzip instead.
 */
final class BrotliAvailability {

	static final String LOADER = "com.aayushatharva.brotli4j.Brotli4jLoader";

	private static final Log logger = LogFactory.getLog(BrotliAvailability.class);

	private BrotliAvailability() {
	}

	static boolean check(@Nullable ClassLoader classLoader) {
		if (!ClassUtils.isPresent(LOADER, classLoader)) {
			logger.debug("brotli4j is not on the class path: responses are compressed with gzip only");
			return false;
		}
		return check(NativeLibrary::unavailabilityCause);
	}

	/** @param unavailabilityCause why the native library did not load, {@code null} when it did */
	static boolean check(Supplier<@Nullable Throwable> unavailabilityCause) {
		Throwable cause = unavailabilityCause.get();
		if (cause != null) {
			logger.warn("brotli4j is on the class path but its native library is unavailable here ("
					+ cause + "): Datastar responses fall back to gzip. Add the brotli4j native artifact for this"
					+ " platform (" + System.getProperty("os.name") + ", " + System.getProperty("os.arch")
					+ ") to get Brotli.");
			return false;
		}
		return true;
	}

	/** Kept apart so that brotli4j's classes load only once it is known to be present. */
	private static final class NativeLibrary {

		static @Nullable Throwable unavailabilityCause() {
			try {
				com.aayushatharva.brotli4j.Brotli4jLoader.ensureAvailability();
				return null;
			}
			catch (Throwable ex) {
				return ex;
			}
		}

	}

}
