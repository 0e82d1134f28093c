package io.github.datastarspring.test;

import java.util.Locale;

import tools.jackson.databind.json.JsonMapper;

/** What the Datastar client puts on every request, in one place for every request builder. */
final class ClientRequest {

	/** The header the client sends with every request. */
	static final String DATASTAR_REQUEST = "Datastar-Request";

	/** The {@code Accept} header of the client (v1.0.2). */
	static final String ACCEPT = "text/event-stream, text/html, application/json";

	/** The query parameter that carries the signals of GET and DELETE requests. */
	static final String SIGNALS_PARAMETER = "datastar";

	private ClientRequest() {
	}

	/** Whether the client sends the signals of {@code method} in the query, not in the body. */
	static boolean signalsInQuery(String method) {
		String m = method.toUpperCase(Locale.ROOT);
		return m.equals("GET") || m.equals("DELETE") || m.equals("HEAD");
	}

	/** A string is taken as JSON text already; anything else is written as JSON. */
	static String json(Object signals) {
		if (signals instanceof CharSequence text) {
			return text.toString();
		}
		return JsonMapper.shared().writeValueAsString(signals);
	}

}
