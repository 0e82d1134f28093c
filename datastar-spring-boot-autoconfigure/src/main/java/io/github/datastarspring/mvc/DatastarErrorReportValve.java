package io.github.datastarspring.mvc;

import java.io.IOException;

import io.github.datastarspring.errors.DatastarErrorAnswers;
import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.http.MediaType;

/**
 * Tomcat's error report, except for a request line or headers over
 * {@code server.max-http-request-header-size}: Tomcat refuses those before any servlet runs, with
 * an HTML 400 that does not say why. This answers 414 with the same problem details as on Netty.
 */
public class DatastarErrorReportValve extends ErrorReportValve {

	/**
	 * Takes the place of the host's plain error report valve (keeping its settings), so that the
	 * host does not add another one when it starts.
	 */
	static void install(Container host) {
		if (!(host instanceof StandardHost standardHost)) {
			return;
		}
		DatastarErrorReportValve valve = new DatastarErrorReportValve();
		for (Valve existing : host.getPipeline().getValves()) {
			if (existing.getClass() == ErrorReportValve.class) {
				valve.setShowReport(((ErrorReportValve) existing).isShowReport());
				valve.setShowServerInfo(((ErrorReportValve) existing).isShowServerInfo());
				host.getPipeline().removeValve(existing);
			}
		}
		host.getPipeline().addValve(valve);
		standardHost.setErrorReportValveClass(DatastarErrorReportValve.class.getName());
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		if (response.getStatus() != 400 || !isHeaderTooLarge(throwable) || response.isCommitted()) {
			super.report(request, response, throwable);
			return;
		}
		try {
			byte[] body = DatastarErrorAnswers.urlTooLong("");
			response.setStatus(414);
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setContentLength(body.length);
			response.getOutputStream().write(body);
			response.finishResponse();
		}
		catch (IOException | IllegalStateException ex) {
			// The client is gone; nothing to answer.
		}
	}

	/** Tomcat's own words for it ({@code iib.requestheadertoolarge.error}). */
	private static boolean isHeaderTooLarge(Throwable throwable) {
		return throwable instanceof IllegalArgumentException && throwable.getMessage() != null
				&& throwable.getMessage().contains("header is too large");
	}

}
