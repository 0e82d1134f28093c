package io.github.datastarspring.core;

/** Names and values of the HTTP headers and parameters the protocol uses. */
public final class DatastarHeaders {

	private DatastarHeaders() {
	}

	/** Request header the client sets on every action: {@code Datastar-Request: true}. */
	public static final String DATASTAR_REQUEST = "Datastar-Request";

	/** Request header of a reconnecting stream that has received an {@code id:}. */
	public static final String LAST_EVENT_ID = "Last-Event-ID";

	/** Query parameter carrying the signals of GET and DELETE requests. */
	public static final String SIGNALS_PARAMETER = "datastar";

	/** Response content type of a stream. */
	public static final String TEXT_EVENT_STREAM = "text/event-stream";

	/** Keeps nginx from buffering the stream. */
	public static final String X_ACCEL_BUFFERING = "X-Accel-Buffering";

}
