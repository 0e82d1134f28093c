package io.github.datastarspring;

import io.github.datastarspring.core.internal.StreamSupport;

import org.springframework.context.SmartLifecycle;

/**
 * Ends the open streams of both stacks when the application stops, just before the web server's
 * graceful shutdown, which would otherwise wait for these endless responses until its timeout.
 * Each stream writes what it has queued, then its connection is closed as by a network failure,
 * so that every open page reconnects by itself and resumes with its {@code Last-Event-ID}.
 */
final class OpenStreamsLifecycle implements SmartLifecycle {

	/** One phase above Boot's graceful shutdown of the web server, so it runs just before it. */
	private static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 1024 + 1;

	private final StreamSupport streams;

	private volatile boolean running;

	OpenStreamsLifecycle(StreamSupport streams) {
		this.streams = streams;
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		this.streams.shutdownStreams();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
