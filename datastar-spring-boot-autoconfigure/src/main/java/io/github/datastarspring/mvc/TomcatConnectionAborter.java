package io.github.datastarspring.mvc;

import java.lang.reflect.Field;

import jakarta.servlet.ServletResponse;
import org.apache.catalina.connector.Response;
import org.apache.catalina.connector.ResponseFacade;
import org.apache.coyote.ActionCode;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Closes the socket under a committed Tomcat response without ending it (no last chunk), as
 * Tomcat's own {@code ErrorReportValve} does for a response that failed after it was committed,
 * so that the client sees a network error. The servlet API has no such operation, and Tomcat
 * exposes the response behind its facade only to valves: the facade's field is read
 * reflectively. Anywhere else (another container, a mock, a failure) it does nothing.
 */
final class TomcatConnectionAborter {

	private static final Log logger = LogFactory.getLog(TomcatConnectionAborter.class);

	private static final Field FACADE_RESPONSE = facadeResponseField();

	private TomcatConnectionAborter() {
	}

	/** Closes the connection of the container's own {@code response} (unwrapped) at once; {@code false} when that is not possible. */
	static boolean closeNow(ServletResponse response) {
		if (FACADE_RESPONSE == null) {
			return false;
		}
		return Tomcat.closeNow(response);
	}

	private static Field facadeResponseField() {
		if (!ClassUtils.isPresent("org.apache.catalina.connector.ResponseFacade",
				TomcatConnectionAborter.class.getClassLoader())) {
			return null;
		}
		return Tomcat.facadeResponseField();
	}

	/** Kept apart so that Tomcat types are loaded only when present. */
	private static final class Tomcat {

		static Field facadeResponseField() {
			try {
				Field field = ReflectionUtils.findField(ResponseFacade.class, "response", Response.class);
				if (field != null) {
					ReflectionUtils.makeAccessible(field);
				}
				return field;
			}
			catch (RuntimeException | LinkageError ex) {
				logger.debug("Aborted Datastar streams will end normally on Tomcat", ex);
				return null;
			}
		}

		static boolean closeNow(ServletResponse response) {
			if (!(response instanceof ResponseFacade facade)) {
				return false;
			}
			try {
				Response catalina = (Response) FACADE_RESPONSE.get(facade);
				if (catalina == null) {
					// The facade was recycled: the request is over.
					return false;
				}
				catalina.getCoyoteResponse().action(ActionCode.CLOSE_NOW, null);
				return true;
			}
			catch (ReflectiveOperationException | RuntimeException ex) {
				logger.debug("Could not close the connection of an aborted Datastar stream", ex);
				return false;
			}
		}

	}

}
