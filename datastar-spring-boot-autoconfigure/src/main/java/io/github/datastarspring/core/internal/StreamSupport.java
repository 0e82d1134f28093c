package io.github.datastarspring.core.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.github.datastarspring.core.DatastarEventEncoder;
import io.github.datastarspring.core.StreamCompression;
import io.github.datastarspring.core.StreamObserver;
import io.github.datastarspring.core.TemplateRenderer;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * What every event stream of one application shares, whatever the stack: the encoder, the
 * {@code datastar.sse.*} settings, one scheduler for all heartbeats and timeouts, a small pool of
 * writer threads (writes never block, so a few threads serve any number of streams), the
 * compression, the observer and the set of open streams. One instance per application context:
 * nothing here is static.
 */
public final class StreamSupport implements AutoCloseable {

	private final DatastarEventEncoder encoder;

	private final Settings settings;

	private final Supplier<? extends @Nullable TemplateRenderer> templateRenderers;

	private final Supplier<? extends @Nullable StreamCompression> compression;

	private final StreamObserver observer;

	private final ScheduledThreadPoolExecutor scheduler;

	private final ThreadPoolExecutor writers;

	private final Set<StreamEngine> open = ConcurrentHashMap.newKeySet();

	/** One batch per transport thread (a server's few event loops). */
	private final Map<Executor, WriteBatch> batches = new ConcurrentHashMap<>();

	private final byte[] heartbeatComment;

	public StreamSupport(DatastarEventEncoder encoder, Settings settings,
			Supplier<? extends @Nullable TemplateRenderer> templateRenderers,
			Supplier<? extends @Nullable StreamCompression> compression, StreamObserver observer) {
		this.encoder = encoder;
		this.settings = settings;
		this.templateRenderers = templateRenderers;
		this.compression = compression;
		this.observer = observer;
		this.scheduler = new ScheduledThreadPoolExecutor(1, daemonThreads("datastar-sse-timer-"));
		this.scheduler.setRemoveOnCancelPolicy(true);
		this.scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
		int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
		this.writers = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
				daemonThreads("datastar-sse-writer-"));
		this.writers.allowCoreThreadTimeOut(true);
		this.heartbeatComment = encoder.comment("");
	}

	/** Support with the given settings and nothing optional: for tests and non-Spring use. */
	public StreamSupport(DatastarEventEncoder encoder, Settings settings) {
		this(encoder, settings, () -> null, () -> StreamCompression.NONE, StreamObserver.NONE);
	}

	public DatastarEventEncoder encoder() {
		return this.encoder;
	}

	public Settings settings() {
		return this.settings;
	}

	public StreamObserver observer() {
		return this.observer;
	}

	public byte[] heartbeatComment() {
		return this.heartbeatComment;
	}

	public StreamCompression compression() {
		StreamCompression c = this.compression.get();
		return (c != null) ? c : StreamCompression.NONE;
	}

	public TemplateRenderer templateRenderer() {
		TemplateRenderer renderer = this.templateRenderers.get();
		if (renderer == null) {
			throw new IllegalStateException("patchTemplate needs a TemplateRenderer bean: add Thymeleaf "
					+ "(spring-boot-starter-thymeleaf) or define a TemplateRenderer");
		}
		return renderer;
	}

	/** Runs {@code task} on a writer thread; on the caller's when the application is stopping. */
	public void write(Runnable task) {
		try {
			this.writers.execute(task);
		}
		catch (RejectedExecutionException ex) {
			task.run();
		}
	}

	/**
	 * Runs {@code task} on {@code thread}, the transport's own, or on a writer thread when
	 * {@code null}. Tasks for one thread are batched: a publish to thousands of streams wakes each
	 * event loop once, not once per stream.
	 */
	public void write(Runnable task, @Nullable Executor thread) {
		if (thread == null) {
			write(task);
		}
		else {
			this.batches.computeIfAbsent(thread, WriteBatch::new).add(task);
		}
	}

	public Executor writers() {
		return this.writers;
	}

	public @Nullable ScheduledFuture<?> every(Duration interval, Runnable task) {
		long millis = Math.max(1, interval.toMillis());
		try {
			return this.scheduler.scheduleAtFixedRate(task, millis, millis, TimeUnit.MILLISECONDS);
		}
		catch (RejectedExecutionException ex) {
			return null;
		}
	}

	public @Nullable ScheduledFuture<?> after(Duration delay, Runnable task) {
		try {
			return this.scheduler.schedule(task, Math.max(1, delay.toMillis()), TimeUnit.MILLISECONDS);
		}
		catch (RejectedExecutionException ex) {
			return null;
		}
	}

	void opened(StreamEngine stream) {
		this.open.add(stream);
	}

	void closed(StreamEngine stream) {
		this.open.remove(stream);
	}

	/** How many streams are open now. */
	public int openStreams() {
		return this.open.size();
	}

	/**
	 * Ends every open stream the way a network failure would, after what is already queued, so
	 * that each page reconnects by itself (to this instance after a restart, or to another) and
	 * resumes with its {@code Last-Event-ID}. Ending them normally would leave pages frozen: the
	 * Datastar client never reopens a stream the server ended.
	 */
	public void shutdownStreams() {
		List<StreamEngine> streams = new ArrayList<>(this.open);
		for (StreamEngine stream : streams) {
			stream.shutdown();
		}
	}

	/** Stops the timers and the writers. */
	@Override
	public void close() {
		shutdownStreams();
		this.scheduler.shutdownNow();
		this.writers.shutdown();
	}

	/**
	 * The streams waiting to be written on one transport thread. At most a bounded number run per
	 * turn, so that the thread's own I/O (reads, other connections) is not held up by a large
	 * fan-out.
	 */
	private final class WriteBatch implements Runnable {

		private static final int TURN = 256;

		private final Executor thread;

		private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();

		private final AtomicBoolean scheduled = new AtomicBoolean();

		WriteBatch(Executor thread) {
			this.thread = thread;
		}

		void add(Runnable task) {
			this.tasks.offer(task);
			if (this.scheduled.compareAndSet(false, true)) {
				schedule();
			}
		}

		private void schedule() {
			try {
				this.thread.execute(this);
			}
			catch (RejectedExecutionException ex) {
				// The transport's thread is stopping: finish on the writer pool.
				write(this);
			}
		}

		@Override
		public void run() {
			for (int i = 0; i < TURN; i++) {
				Runnable task = this.tasks.poll();
				if (task == null) {
					this.scheduled.set(false);
					// A task added after the poll but before the flag was cleared is ours to run.
					if (this.tasks.isEmpty() || !this.scheduled.compareAndSet(false, true)) {
						return;
					}
					continue;
				}
				try {
					task.run();
				}
				catch (RuntimeException ex) {
					// One stream's failure must not stall the others queued here.
					LogFactory.getLog(StreamSupport.class).error("Datastar stream writer failed", ex);
				}
			}
			// More than a turn's worth: yield the thread, then go on.
			yieldThread();
		}

		/**
		 * Goes on after the thread's other work. An event loop runs the tasks added while it runs
		 * tasks in the same pass, for up to a second (Netty's task quantum), so a batch that
		 * re-queued itself there kept the loop from its sockets: under back-to-back publishes to
		 * 10,000 streams a plain request waited 4.5 s for its connection to be read. A task
		 * scheduled without delay runs only after the loop's next look at its sockets.
		 */
		private void yieldThread() {
			if (this.thread instanceof ScheduledExecutorService loop) {
				try {
					loop.schedule(this, 0, TimeUnit.NANOSECONDS);
					return;
				}
				catch (RejectedExecutionException ex) {
					// Stopping: as below.
				}
			}
			schedule();
		}

	}

	private static ThreadFactory daemonThreads(String prefix) {
		AtomicInteger count = new AtomicInteger();
		return (runnable) -> {
			Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
			thread.setDaemon(true);
			// Not the web application's loader of the request that started it: the threads are
			// the application context's, ended when it closes.
			thread.setContextClassLoader(StreamSupport.class.getClassLoader());
			return thread;
		};
	}

	/**
	 * The {@code datastar.sse.*} settings a stream uses.
	 * @param sendQueueSize how many events may wait for one client
	 * @param heartbeat interval of the comment on idle streams; {@code null} or not positive for none
	 * @param timeout how long a stream may stay open; {@code null} or not positive for ever
	 */
	public record Settings(int sendQueueSize, @Nullable Duration heartbeat, @Nullable Duration timeout) {

		public Settings {
			sendQueueSize = Math.max(1, sendQueueSize);
		}

	}

}
