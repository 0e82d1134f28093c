package io.github.datastarspring;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.datastarspring.core.DatastarSink;

import org.springframework.context.SmartLifecycle;

/**
 * The open streams of one stack, completed when the application stops, just before the web
 * server's graceful shutdown, which would otherwise wait for these endless responses until its
 * timeout. Shared by MVC's and WebFlux's stream support.
 */
public class OpenStreamsLifecycle implements SmartLifecycle {

	/** One phase above Boot's graceful shutdown of the web server, so it runs just before it. */
	private static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 1024 + 1;

	private final Set<DatastarSink> open = ConcurrentHashMap.newKeySet();

	private volatile boolean running;

	/** Called by a stream when it starts writing. */
	public void opened(DatastarSink stream) {
		this.open.add(stream);
	}

	/** Called by a stream when it has ended. */
	public void closed(DatastarSink stream) {
		this.open.remove(stream);
	}

	/** How many streams are open now. */
	public int openStreams() {
		return this.open.size();
	}

	@Override
	public void start() {
		this.running = true;
	}

	/** Ends every open stream normally, so that a graceful shutdown need not wait for them. */
	@Override
	public void stop() {
		this.running = false;
		for (DatastarSink stream : this.open) {
			stream.complete();
		}
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
