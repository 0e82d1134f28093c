package io.github.datastarspring.realtime;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Objects;

import io.github.datastarspring.core.DatastarEvent;
import io.github.datastarspring.core.DatastarEvents;
import io.github.datastarspring.core.DatastarSink;
import io.github.datastarspring.core.ElementPatchMode;

/**
 * Per-user and per-session destinations on the hub, the Datastar counterpart of STOMP's
 * {@code convertAndSendToUser}. A stream {@link #attach attached} to its user and session gets
 * what is published to {@code datastar:user:<name>} and {@code datastar:session:<id>}, and is
 * ended when its session ends ({@link #endSession}), on whichever instance it is open.
 *
 * <pre>{@code
 * DatastarEmitter stream = hub.subscribe("chat:room:" + room, new DatastarEmitter(), request, snapshot);
 * users.attach(stream, principal, session.getId());
 * // elsewhere, on any instance:
 * users.publishToUser("user2", renderer.patchElements("chat :: dm", model));
 * }</pre>
 */
public class DatastarUsers {

	/** Id of the element the session-end patch appends; streams that see it are ended. */
	static final String SESSION_END_ID = "datastar-session-ended";

	private static final byte[] SESSION_END_MARKER = ("id=\"" + SESSION_END_ID + "\"").getBytes(StandardCharsets.US_ASCII);

	private final DatastarBroadcaster hub;

	private final DatastarEvent sessionEnd;

	/**
	 * @param hub the hub that carries the destinations
	 * @param sessionEndScript the expression a tab runs when its session ends, for example
	 * {@code location.reload()} (the page is requested again, so the login page follows)
	 */
	public DatastarUsers(DatastarBroadcaster hub, String sessionEndScript) {
		this.hub = Objects.requireNonNull(hub, "hub");
		this.sessionEnd = sessionEndPatch(Objects.requireNonNull(sessionEndScript, "sessionEndScript"));
	}

	/**
	 * Sends {@code event} to every stream of {@code user} (attached with {@link #attach}), in every
	 * tab, on every instance.
	 */
	public void publishToUser(String user, DatastarEvent event) {
		this.hub.publish(DatastarDestinations.user(user), event);
	}

	/** Sends {@code event} to every stream of one HTTP session. */
	public void publishToSession(String sessionId, DatastarEvent event) {
		this.hub.publish(DatastarDestinations.session(sessionId), event);
	}

	/**
	 * Makes {@code sink} a stream of {@code user} and {@code sessionId}: it receives their
	 * destinations and ends when the session ends. Either may be {@code null} (anonymous, no session).
	 * @return {@code sink}
	 */
	public <S extends DatastarSink> S attach(S sink, String user, String sessionId) {
		if (user != null) {
			this.hub.subscribe(DatastarDestinations.user(user), new Forwarding(sink));
		}
		if (sessionId != null) {
			this.hub.subscribe(DatastarDestinations.session(sessionId), new SessionBound(sink));
		}
		return sink;
	}

	/** As {@link #attach(DatastarSink, String, String)} with the principal's name. */
	public <S extends DatastarSink> S attach(S sink, Principal principal, String sessionId) {
		return attach(sink, (principal != null) ? principal.getName() : null, sessionId);
	}

	/**
	 * Ends every stream of a session, on every instance: each tab first runs the session-end
	 * script, then its stream is completed. Called on logout and when a session expires.
	 */
	public void endSession(String sessionId) {
		publishToSession(sessionId, this.sessionEnd);
	}

	private static DatastarEvent sessionEndPatch(String script) {
		// data-init runs through the client's expression engine, so a CSP that allows the client
		// ('unsafe-eval') allows this too; an inline <script> would also need 'unsafe-inline'.
		String html = "<div id=\"" + SESSION_END_ID + "\" hidden data-init=\"" + escapeAttribute(script) + "\"></div>";
		return DatastarEvents.patchElements(html, "body", ElementPatchMode.APPEND);
	}

	static String escapeAttribute(String value) {
		return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
	}

	/** A view of a stream on a destination topic: forwards events, leaves the stream to its owner. */
	private static class Forwarding implements DatastarSink {

		final DatastarSink target;

		Forwarding(DatastarSink target) {
			this.target = target;
		}

		@Override
		public boolean offer(byte[] encodedEvent) {
			// The stream's own topic already keeps it alive: heartbeat comments are not repeated.
			if (encodedEvent.length > 0 && encodedEvent[0] == ':') {
				return this.target.isOpen();
			}
			return this.target.offer(encodedEvent);
		}

		@Override
		public boolean offerReplacingQueued(byte[] encodedEvent) {
			// A destination's event never makes the stream's own queued events pointless.
			return offer(encodedEvent);
		}

		@Override
		public boolean isOpen() {
			return this.target.isOpen();
		}

		@Override
		public void complete() {
			this.target.complete();
		}

		@Override
		public void abort() {
			this.target.abort();
		}

		@Override
		public void onClose(Runnable callback) {
			this.target.onClose(callback);
		}

	}

	/** Forwards a session's events and ends the stream after the session-end patch. */
	private static final class SessionBound extends Forwarding {

		SessionBound(DatastarSink target) {
			super(target);
		}

		@Override
		public boolean offer(byte[] encodedEvent) {
			boolean queued = super.offer(encodedEvent);
			if (EncodedEvents.indexOf(encodedEvent, SESSION_END_MARKER) >= 0) {
				this.target.complete();
			}
			return queued;
		}

	}

}
