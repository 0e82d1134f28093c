package dev.datastar.spring.webflux;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.SmartLifecycle;

/**
 * Completes the open {@link DatastarStream}s when the application stops, just before the web
 * server's graceful shutdown, which would otherwise wait for these endless responses until its
 * timeout.
 */
public class DatastarStreamLifecycle implements SmartLifecycle {

	/** One phase above Boot's graceful shutdown of the web server, so it runs just before it. */
	private static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 1024 + 1;

	private final Set<DatastarStream> open = ConcurrentHashMap.newKeySet();

	private volatile boolean running;

	void opened(DatastarStream stream) {
		this.open.add(stream);
	}

	void closed(DatastarStream stream) {
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

	@Override
	public void stop() {
		this.running = false;
		for (DatastarStream stream : this.open) {
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
