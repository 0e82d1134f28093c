package io.github.datastarspring.mvc;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.datastarspring.DatastarSseProperties;
import io.github.datastarspring.OpenStreamsLifecycle;
import io.github.datastarspring.core.DatastarEventEncoder;
import io.github.datastarspring.core.TemplateRenderer;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;

/**
 * What every {@link DatastarEmitter} of an application shares: the event encoder, the pool of
 * writer threads, the heartbeat timer and the stream settings. A writer thread is busy only
 * while an emitter has events to write, so idle streams hold no thread. With
 * {@code spring.threads.virtual.enabled=true} (Java 21+) the writers are virtual threads.
 */
public final class DatastarEmitterSupport extends OpenStreamsLifecycle implements DisposableBean {

	private final DatastarEventEncoder encoder;

	private final DatastarSseProperties properties;

	private final ObjectProvider<TemplateRenderer> templateRenderer;

	private final Executor writeExecutor;

	private final ScheduledExecutorService scheduler;

	private final byte[] heartbeatComment;

	/** Support with the default writer pool, {@link #defaultWriteExecutor()}. */
	public DatastarEmitterSupport(DatastarEventEncoder encoder, DatastarSseProperties properties,
			ObjectProvider<TemplateRenderer> templateRenderer) {
		this(encoder, properties, templateRenderer, defaultWriteExecutor());
	}

	/**
	 * Support writing with {@code writeExecutor}, which it shuts down with the application. A write
	 * to a client whose socket buffer is full holds its thread until the server's write timeout,
	 * so an executor with few threads can be stalled by as many such clients.
	 */
	public DatastarEmitterSupport(DatastarEventEncoder encoder, DatastarSseProperties properties,
			ObjectProvider<TemplateRenderer> templateRenderer, Executor writeExecutor) {
		this.encoder = encoder;
		this.properties = properties;
		this.templateRenderer = templateRenderer;
		this.writeExecutor = writeExecutor;
		ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, daemonThreads("datastar-sse-heartbeat-"));
		timer.setRemoveOnCancelPolicy(true);
		this.scheduler = timer;
		this.heartbeatComment = encoder.comment(null);
		DatastarEmitter.configuredSendQueueSize = sendQueueSize();
	}

	DatastarEventEncoder encoder() {
		return this.encoder;
	}

	/**
	 * A pool of {@code max(16, 4 × processors)} daemon platform threads, started on demand and
	 * ended after a minute idle; tasks queue when all are busy, so a publish to many streams does
	 * not start a thread per stream.
	 */
	public static ExecutorService defaultWriteExecutor() {
		int threads = Math.max(16, 4 * Runtime.getRuntime().availableProcessors());
		ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
				new LinkedBlockingQueue<>(), daemonThreads("datastar-sse-writer-"));
		pool.allowCoreThreadTimeOut(true);
		return pool;
	}

	Executor writeExecutor() {
		return this.writeExecutor;
	}

	int sendQueueSize() {
		return Math.max(1, this.properties.sendQueueSize());
	}

	/** The timeout in milliseconds for the async request; -1 for none. */
	long timeoutMillis(DatastarEmitter emitter) {
		Duration timeout = (emitter.getTimeout() != null) ? emitter.getTimeout() : this.properties.timeout();
		return (timeout == null || timeout.isZero() || timeout.isNegative()) ? -1 : Math.max(1, timeout.toMillis());
	}

	TemplateRenderer templateRenderer() {
		TemplateRenderer renderer = this.templateRenderer.getIfAvailable();
		if (renderer == null) {
			throw new IllegalStateException("patchTemplate needs a TemplateRenderer bean: add Thymeleaf "
					+ "(spring-boot-starter-thymeleaf) or define a TemplateRenderer");
		}
		return renderer;
	}

	Future<?> scheduleHeartbeat(DatastarEmitter emitter) {
		Duration interval = this.properties.heartbeat();
		if (interval == null || interval.isZero() || interval.isNegative()) {
			return null;
		}
		long millis = interval.toMillis();
		return this.scheduler.scheduleAtFixedRate(() -> emitter.heartbeat(this.heartbeatComment), millis, millis,
				TimeUnit.MILLISECONDS);
	}

	@Override
	public void destroy() {
		this.scheduler.shutdownNow();
		if (this.writeExecutor instanceof ExecutorService service) {
			service.shutdown();
		}
		else if (this.writeExecutor instanceof AutoCloseable closeable) {
			try {
				closeable.close();
			}
			catch (Exception ex) {
				// Nothing left to do while stopping.
			}
		}
	}

	private static ThreadFactory daemonThreads(String prefix) {
		AtomicInteger count = new AtomicInteger();
		return (runnable) -> {
			Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

}
