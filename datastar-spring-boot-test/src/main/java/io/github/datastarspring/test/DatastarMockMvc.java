package io.github.datastarspring.test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Datastar for {@code MockMvc} and {@code MockMvcTester}: requests as the client sends them, and
 * the events of the response.
 *
 * <pre class="code">
 * MvcTestResult result = mvc.post().uri("/todos").with(signals(Map.of("title", "Buy milk"))).exchange();
 * assertThat(events(result)).singleElement().isPatchSignals().hasSignal("title", "");
 * </pre>
 */
public final class DatastarMockMvc {

	/** How long {@link #events(MvcResult)} waits for an asynchronous response (an emitter) to end. */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

	private DatastarMockMvc() {
	}

	/** Adds the headers the Datastar client sends ({@code Datastar-Request}, {@code Accept}), no signals. */
	public static RequestPostProcessor datastar() {
		return (request) -> {
			request.addHeader(ClientRequest.DATASTAR_REQUEST, "true");
			request.addHeader("Accept", ClientRequest.ACCEPT);
			return request;
		};
	}

	/**
	 * Sends {@code signals} as the client does, with its headers: in the {@code datastar} query
	 * parameter for GET and DELETE, as a JSON body otherwise. Signals are a JSON string or any object
	 * Jackson writes as JSON (a {@code Map}, a record).
	 */
	public static RequestPostProcessor signals(Object signals) {
		String json = ClientRequest.json(signals);
		RequestPostProcessor headers = datastar();
		return (request) -> {
			headers.postProcessRequest(request);
			if (ClientRequest.signalsInQuery(request.getMethod())) {
				addQueryParameter(request, json);
			}
			else {
				// As the browser sends it: no charset, JSON is UTF-8.
				request.setContentType("application/json");
				request.setContent(json.getBytes(StandardCharsets.UTF_8));
			}
			return request;
		};
	}

	private static void addQueryParameter(MockHttpServletRequest request, String json) {
		request.addParameter(ClientRequest.SIGNALS_PARAMETER, json);
		String pair = ClientRequest.SIGNALS_PARAMETER + "=" + URLEncoder.encode(json, StandardCharsets.UTF_8);
		String query = request.getQueryString();
		request.setQueryString((query == null || query.isEmpty()) ? pair : query + "&" + pair);
	}

	/** The events of a {@code MockMvcTester} exchange (which has waited for an emitter to end). */
	public static ReceivedEvents events(MvcTestResult result) {
		return events(result.getMvcResult(), DEFAULT_TIMEOUT);
	}

	/** The events of a {@code MockMvc} result, waiting up to 10 s for an emitter to end. */
	public static ReceivedEvents events(MvcResult result) {
		return events(result, DEFAULT_TIMEOUT);
	}

	/**
	 * The events of a {@code MockMvc} result; when the handler streams asynchronously, waits up to
	 * {@code timeout} for the stream to end, then fails.
	 */
	public static ReceivedEvents events(MvcResult result, Duration timeout) {
		if (result.getRequest().isAsyncStarted()) {
			result.getAsyncResult(timeout.toMillis());
		}
		return ReceivedEvents.parse(result.getResponse().getContentAsByteArray());
	}

	/** What a streaming handler wrote so far, without waiting for the end. */
	public static ReceivedEvents eventsSoFar(MvcResult result) {
		return ReceivedEvents.parse(result.getResponse().getContentAsByteArray());
	}

}
