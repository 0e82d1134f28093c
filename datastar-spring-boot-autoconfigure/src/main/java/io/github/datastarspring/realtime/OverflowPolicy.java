package io.github.datastarspring.realtime;

/** What the broadcaster does with a subscriber whose send queue is full (a slow or stalled client). */
public enum OverflowPolicy {

	/** Remove the subscriber and end its stream; the client reconnects and resumes or resyncs. */
	DROP,

	/**
	 * Replace everything still queued for the subscriber with the latest full state: its
	 * {@link DatastarSnapshot} when it has one, otherwise the event being published (right only
	 * when every event on the topic is a full-state patch).
	 */
	LATEST

}
