package io.github.datastarspring.test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * Requests for the JDK {@link java.net.http.HttpClient} as the Datastar client sends them: the
 * {@code Datastar-Request} header, its {@code Accept} header, and the signals in the
 * {@code datastar} query parameter (GET, DELETE) or as a JSON body (POST, PUT, PATCH).
 *
 * <p>Signals are a JSON string, or any object Jackson writes as JSON (a {@code Map}, a record).
 */
public final class DatastarHttpRequests {

	private DatastarHttpRequests() {
	}

	/** A GET with {@code signals} in the query. */
	public static HttpRequest.Builder get(URI uri, @Nullable Object signals) {
		return request("GET", uri, signals);
	}

	/** A POST with {@code signals} as the body. */
	public static HttpRequest.Builder post(URI uri, @Nullable Object signals) {
		return request("POST", uri, signals);
	}

	/** A PUT with {@code signals} as the body. */
	public static HttpRequest.Builder put(URI uri, @Nullable Object signals) {
		return request("PUT", uri, signals);
	}

	/** A PATCH with {@code signals} as the body. */
	public static HttpRequest.Builder patch(URI uri, @Nullable Object signals) {
		return request("PATCH", uri, signals);
	}

	/** A DELETE with {@code signals} in the query. */
	public static HttpRequest.Builder delete(URI uri, @Nullable Object signals) {
		return request("DELETE", uri, signals);
	}

	/** A request of any method; {@code null} signals send none (and no body). */
	public static HttpRequest.Builder request(String method, URI uri, @Nullable Object signals) {
		String json = (signals != null) ? ClientRequest.json(signals) : null;
		HttpRequest.Builder request = HttpRequest.newBuilder()
			.header(ClientRequest.DATASTAR_REQUEST, "true")
			.header("Accept", ClientRequest.ACCEPT);
		if (json == null) {
			return request.uri(uri).method(method, HttpRequest.BodyPublishers.noBody());
		}
		if (ClientRequest.signalsInQuery(method)) {
			return request.uri(withSignals(uri, json)).method(method, HttpRequest.BodyPublishers.noBody());
		}
		return request.uri(uri)
			.header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
	}

	/** {@code uri} with the {@code datastar} query parameter added. */
	static URI withSignals(URI uri, String json) {
		String text = uri.toString();
		int fragment = text.indexOf('#');
		String head = (fragment < 0) ? text : text.substring(0, fragment);
		String tail = (fragment < 0) ? "" : text.substring(fragment);
		String separator = (uri.getRawQuery() == null) ? "?" : "&";
		return URI.create(head + separator + ClientRequest.SIGNALS_PARAMETER + "="
				+ URLEncoder.encode(json, StandardCharsets.UTF_8) + tail);
	}

}
