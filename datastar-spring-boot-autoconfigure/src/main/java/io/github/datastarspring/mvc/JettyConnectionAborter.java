package io.github.datastarspring.mvc;

import java.io.IOException;

import jakarta.servlet.ServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.eclipse.jetty.ee11.servlet.ServletApiResponse;

import org.springframework.util.ClassUtils;

/**
 * Ends a committed Jetty response as a failure (no last chunk on HTTP/1.1, a reset stream on
 * HTTP/2), so that the client sees a network error and reconnects: Jetty's own public
 * {@code ServletChannel.abort}, which the servlet API does not offer. Anywhere else it does nothing.
 */
final class JettyConnectionAborter {

	private static final Log logger = LogFactory.getLog(JettyConnectionAborter.class);

	private static final boolean JETTY_PRESENT = ClassUtils
		.isPresent("org.eclipse.jetty.ee11.servlet.ServletApiResponse", JettyConnectionAborter.class.getClassLoader());

	private JettyConnectionAborter() {
	}

	/** Aborts the container's own {@code response} (unwrapped) at once; {@code false} when that is not possible. */
	static boolean closeNow(ServletResponse response) {
		return JETTY_PRESENT && Jetty.closeNow(response);
	}

	/** Kept apart so that Jetty types are loaded only when present. */
	private static final class Jetty {

		static boolean closeNow(ServletResponse response) {
			if (!(response instanceof ServletApiResponse jetty)) {
				return false;
			}
			try {
				jetty.getServletChannel().abort(new IOException("Datastar stream aborted"));
				return true;
			}
			catch (RuntimeException ex) {
				logger.debug("Could not abort the response of a Datastar stream", ex);
				return false;
			}
		}

	}

}
