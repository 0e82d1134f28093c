package io.github.datastarspring.mvc;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.datastarspring.DatastarSseProperties;
import io.github.datastarspring.core.DatastarEventEncoder;
import io.github.datastarspring.core.TemplateRenderer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** The emitter's queueing, ordering and lifecycle, with an in-memory connection. */
class DatastarEmitterTests {

	private final DatastarEventEncoder encoder = new DatastarEventEncoder();

	private DatastarEmitterSupport support = support(null, 4);

	@AfterEach
	void shutdown() {
		this.support.destroy();
	}

	@Test
	void eventsSentBeforeTheStreamOpensAreWrittenInOrderWhenItOpens() throws Exception {
		DatastarEmitter emitter = new DatastarEmitter();
		assertThat(emitter.patchElements("<div id=\"a\"></div>")).isTrue();
		assertThat(emitter.patchSignals(Map.of("n", 1))).isTrue();
		emitter.complete();
		assertThat(emitter.send(io.github.datastarspring.core.DatastarEvents.executeScript("x()"))).isFalse();
		MemoryConnection connection = new MemoryConnection();
		emitter.attach(this.support, connection);
		assertThat(connection.ended.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(connection.text()).isEqualTo("""
				event: datastar-patch-elements
				data: elements <div id="a"></div>

				event: datastar-patch-signals
				data: signals {"n":1}

				""");
		assertThat(connection.endedNormally).isTrue();
		assertThat(emitter.isOpen()).isFalse();
	}

	@Test
	void abortDiscardsTheQueueAndAbortsTheConnectionInsteadOfEndingItOnce() throws Exception {
		DatastarEmitter emitter = new DatastarEmitter();
		AtomicInteger closes = new AtomicInteger();
		emitter.onClose(closes::incrementAndGet);
		MemoryConnection connection = new MemoryConnection();
		emitter.attach(this.support, connection);
		emitter.abort();
		emitter.abort();
		emitter.complete();
		assertThat(emitter.isOpen()).isFalse();
		assertThat(emitter.patchSignals(Map.of("n", 1))).isFalse();
		assertThat(connection.ended.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(connection.aborts).hasValue(1);
		assertThat(connection.endedNormally).isFalse();
		assertThat(closes).hasValue(1);
	}

	@Test
	void abortBeforeTheStreamOpensAbortsTheConnectionOnceItDoes() throws Exception {
		DatastarEmitter emitter = new DatastarEmitter();
		emitter.patchSignals(Map.of("n", 1));
		AtomicInteger closes = new AtomicInteger();
		emitter.onClose(closes::incrementAndGet);
		emitter.abort();
		assertThat(closes).hasValue(1);
		MemoryConnection connection = new MemoryConnection();
		emitter.attach(this.support, connection);
		assertThat(connection.ended.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(connection.aborts).hasValue(1);
		assertThat(connection.text()).isEmpty();
	}

	@Test
	void aFullSendQueueRefusesEventsWithoutBlockingTheSender() throws Exception {
		DatastarEmitter emitter = new DatastarEmitter();
		CountDownLatch writing = new CountDownLatch(1);
		CountDownLatch unblock = new CountDownLatch(1);
		MemoryConnection connection = new MemoryConnection() {
			@Override
			public void write(byte[] bytes) throws Exception {
				writing.countDown();
				unblock.await();
				super.write(bytes);
			}
		};
		emitter.attach(this.support, connection);
		assertThat(emitter.patchSignals("{\"n\":0}")).isTrue();
		assertThat(writing.await(5, TimeUnit.SECONDS)).isTrue();
		// The writer is stuck on a slow socket; the queue (4) fills and then refuses.
		for (int i = 1; i <= 4; i++) {
			assertThat(emitter.patchSignals("{\"n\":" + i + "}")).isTrue();
		}
		assertThat(emitter.patchSignals("{\"n\":5}")).isFalse();
		assertThat(emitter.offerReplacingQueued(this.encoder.encode(
				io.github.datastarspring.core.DatastarEvents.patchSignals("{\"n\":9}")))).isTrue();
		emitter.complete();
		unblock.countDown();
		assertThat(connection.ended.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(connection.text()).isEqualTo(
				"event: datastar-patch-signals\ndata: signals {\"n\":0}\n\nevent: datastar-patch-signals\ndata: signals {\"n\":9}\n\n");
	}

	@Test
	void aWriteFailureClosesTheStreamAndRunsCallbacksOnce() throws Exception {
		DatastarEmitter emitter = new DatastarEmitter();
		AtomicInteger closed = new AtomicInteger();
		CountDownLatch closedLatch = new CountDownLatch(1);
		emitter.onClose(() -> {
			closed.incrementAndGet();
			closedLatch.countDown();
		});
		MemoryConnection connection = new MemoryConnection() {
			@Override
			public void write(byte[] bytes) throws Exception {
				throw new java.io.IOException("Broken pipe");
			}
		};
		emitter.attach(this.support, connection);
		emitter.patchElements("<p id=\"p\"></p>");
		assertThat(closedLatch.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(emitter.isOpen()).isFalse();
		assertThat(emitter.patchElements("<p id=\"p\"></p>")).isFalse();
		emitter.complete();
		emitter.close(false);
		assertThat(closed.get()).isEqualTo(1);
		assertThat(connection.endedNormally).isFalse();
		// A callback added after the end runs at once.
		AtomicInteger late = new AtomicInteger();
		emitter.onClose(late::incrementAndGet);
		assertThat(late.get()).isEqualTo(1);
	}

	@Test
	void stoppingTheApplicationEndsOpenStreams() throws Exception {
		DatastarEmitter emitter = new DatastarEmitter();
		MemoryConnection connection = new MemoryConnection();
		emitter.attach(this.support, connection);
		assertThat(this.support.openStreams()).isEqualTo(1);
		this.support.stop();
		assertThat(connection.ended.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(this.support.openStreams()).isZero();
	}

	@Test
	void patchTemplateWithoutARendererFailsClearly() {
		DatastarEmitter emitter = new DatastarEmitter();
		emitter.attach(this.support, new MemoryConnection());
		assertThatIllegalStateException().isThrownBy(() -> emitter.patchTemplate("todos :: list", Map.of()))
			.withMessageContaining("TemplateRenderer");
		emitter.close(false);
	}

	@Test
	void patchTemplateUsesTheRendererEvenBeforeTheStreamOpens() throws Exception {
		this.support.destroy();
		this.support = support((template, model) -> "<ul id=\"" + template + "\">" + model.get("n") + "</ul>", 16);
		DatastarEmitter emitter = new DatastarEmitter();
		emitter.patchTemplate("list", Map.of("n", 1));
		MemoryConnection connection = new MemoryConnection();
		emitter.attach(this.support, connection);
		emitter.patchTemplate("list", Map.of("n", 2));
		emitter.complete();
		assertThat(connection.ended.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(connection.text()).isEqualTo("event: datastar-patch-elements\ndata: elements <ul id=\"list\">1</ul>\n\n"
				+ "event: datastar-patch-elements\ndata: elements <ul id=\"list\">2</ul>\n\n");
	}

	@Test
	void timeoutFollowsTheEmitterThenTheProperty() {
		assertThat(this.support.timeoutMillis(new DatastarEmitter())).isEqualTo(-1);
		assertThat(this.support.timeoutMillis(new DatastarEmitter(Duration.ofSeconds(2)))).isEqualTo(2000);
		DatastarEmitterSupport withTimeout = new DatastarEmitterSupport(this.encoder,
				new DatastarSseProperties(Duration.ofSeconds(30), Duration.ZERO, 8), provider(null));
		assertThat(withTimeout.timeoutMillis(new DatastarEmitter())).isEqualTo(30000);
		assertThat(withTimeout.timeoutMillis(new DatastarEmitter(Duration.ZERO))).isEqualTo(-1);
		withTimeout.destroy();
	}

	private DatastarEmitterSupport support(TemplateRenderer renderer, int queueSize) {
		return new DatastarEmitterSupport(this.encoder, new DatastarSseProperties(null, Duration.ZERO, queueSize),
				provider(renderer));
	}

	private static ObjectProvider<TemplateRenderer> provider(TemplateRenderer renderer) {
		DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
		if (renderer != null) {
			beans.registerSingleton("renderer", renderer);
		}
		return beans.getBeanProvider(TemplateRenderer.class);
	}

	static class MemoryConnection implements DatastarEmitter.Connection {

		final ByteArrayOutputStream out = new ByteArrayOutputStream();

		final CountDownLatch ended = new CountDownLatch(1);

		volatile boolean endedNormally;

		final AtomicInteger aborts = new AtomicInteger();

		@Override
		public void write(byte[] bytes) throws Exception {
			synchronized (this.out) {
				this.out.write(bytes);
			}
		}

		@Override
		public void flush() {
		}

		@Override
		public void end(boolean normally) {
			this.endedNormally = normally;
			this.ended.countDown();
		}

		@Override
		public void abort() {
			this.aborts.incrementAndGet();
			this.ended.countDown();
		}

		String text() {
			synchronized (this.out) {
				return this.out.toString(StandardCharsets.UTF_8);
			}
		}

	}

}
