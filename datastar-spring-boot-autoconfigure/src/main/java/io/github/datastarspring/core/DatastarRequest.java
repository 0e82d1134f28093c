package io.github.datastarspring.core;

/**
 * What the Datastar client said about a request: whether it came from a Datastar action
 * ({@code Datastar-Request: true}) and, for a reconnecting stream, the last event id it saw.
 * Inject it into a controller method on either stack.
 *
 * @param datastarRequest whether the {@code Datastar-Request} header is {@code true}
 * @param lastEventId the {@code Last-Event-ID} header, or {@code null}
 */
public record DatastarRequest(boolean datastarRequest, String lastEventId) {

	/** Builds the value from the two raw header values (either may be {@code null}). */
	public static DatastarRequest of(String datastarRequestHeader, String lastEventIdHeader) {
		return new DatastarRequest("true".equalsIgnoreCase(datastarRequestHeader == null ? null : datastarRequestHeader.trim()),
				(lastEventIdHeader == null || lastEventIdHeader.isEmpty()) ? null : lastEventIdHeader);
	}

}
