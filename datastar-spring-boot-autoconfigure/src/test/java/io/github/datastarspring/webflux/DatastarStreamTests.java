package io.github.datastarspring.webflux;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.datastarspring.DatastarSseProperties;
import io.github.datastarspring.core.DatastarEventEncoder;
import io.github.datastarspring.core.DatastarEvents;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class DatastarStreamTests {

	final DatastarEventEncoder encoder = new DatastarEventEncoder();

	DatastarStreamSettings settings(int queueSize, Duration heartbeat, Duration timeout) {
		return new DatastarStreamSettings(this.encoder, new DatastarSseProperties(timeout, heartbeat, queueSize),
				() -> (template, model) -> "<p id=\"t\">" + template + " " + model.get("n") + "</p>");
	}

	Flux<String> text(DatastarStream stream, DatastarStreamSettings settings) {
		return Flux.from(stream.frames(settings)).map(b -> new String(b, StandardCharsets.UTF_8));
	}

	@Test
	void eventsSentBeforeAndAfterSubscriptionArriveInOrderThenComplete() {
		DatastarStream stream = new DatastarStream();
		assertThat(stream.patchElements("<p id=\"a\">1</p>")).isTrue();
		assertThat(stream.patchTemplate("tpl", Map.of("n", 2))).isTrue();
		AtomicInteger closed = new AtomicInteger();
		stream.onClose(closed::incrementAndGet);
		StepVerifier.create(text(stream, settings(8, Duration.ZERO, null)))
			.expectNext(this.encoder.encodeToString(DatastarEvents.patchElements("<p id=\"a\">1</p>")))
			.expectNext(this.encoder.encodeToString(DatastarEvents.patchElements("<p id=\"t\">tpl 2</p>")))
			.then(() -> {
				stream.patchSignals(Map.of("x", 1));
				stream.removeSignals("x");
				stream.complete();
			})
			.expectNext(this.encoder.encodeToString(DatastarEvents.patchSignals("{\"x\":1}")))
			.expectNext(this.encoder.encodeToString(DatastarEvents.removeSignals("x")))
			.verifyComplete();
		assertThat(closed).hasValue(1);
		assertThat(stream.isOpen()).isFalse();
	}

	@Test
	void offerNeverBlocksAndRefusesWhenTheQueueIsFull() {
		DatastarStream stream = new DatastarStream(2);
		assertThat(stream.offer(new byte[] { 'a' })).isTrue();
		assertThat(stream.offer(new byte[] { 'b' })).isTrue();
		assertThat(stream.offer(new byte[] { 'c' })).isFalse();
		assertThat(stream.patchElements("<p id=\"x\"></p>")).as("full").isFalse();
		assertThat(stream.offerReplacingQueued(new byte[] { 'z' })).isTrue();
		assertThat(stream.queuedEvents()).isEqualTo(1);
		StepVerifier.create(text(stream, settings(2, Duration.ZERO, null)), 0)
			.thenRequest(1)
			.expectNext("z")
			.then(() -> {
				assertThat(stream.offer(new byte[] { '1' })).isTrue();
				assertThat(stream.offer(new byte[] { '2' })).isTrue();
				assertThat(stream.offer(new byte[] { '3' })).isFalse();
			})
			.thenRequest(5)
			.expectNext("1", "2")
			.thenCancel()
			.verify();
	}

	@Test
	void sendQueueSizeComesFromPropertiesUnlessGiven() {
		DatastarStream stream = new DatastarStream();
		Flux.from(stream.frames(settings(1, Duration.ZERO, null))).subscribe(b -> { }, e -> { }, () -> { }, s -> { });
		assertThat(stream.offer(new byte[] { 'a' })).isTrue();
		assertThat(stream.offer(new byte[] { 'b' })).isFalse();
	}

	@Test
	void cancelClosesOnceAndRefusesLaterEvents() {
		DatastarStream stream = new DatastarStream();
		AtomicInteger closed = new AtomicInteger();
		stream.onClose(closed::incrementAndGet);
		StepVerifier.create(text(stream, settings(8, Duration.ZERO, null)))
			.then(() -> stream.offer("x".getBytes()))
			.expectNext("x")
			.thenCancel()
			.verify();
		stream.complete();
		assertThat(closed).hasValue(1);
		assertThat(stream.patchElements("<p id=\"y\"></p>")).isFalse();
		assertThat(stream.offer("y".getBytes())).isFalse();
		assertThat(stream.offerReplacingQueued("y".getBytes())).isFalse();
		AtomicInteger late = new AtomicInteger();
		stream.onClose(late::incrementAndGet);
		assertThat(late).as("callback added after close runs at once").hasValue(1);
	}

	@Test
	void writtenOnlyOnce() {
		DatastarStream stream = new DatastarStream();
		DatastarStreamSettings settings = settings(8, Duration.ZERO, null);
		Flux.from(stream.frames(settings)).subscribe();
		StepVerifier.create(Flux.from(stream.frames(settings))).verifyError(IllegalStateException.class);
	}

	@Test
	void heartbeatCommentsOnAnIdleStream() {
		DatastarStream stream = new DatastarStream();
		StepVerifier.create(text(stream, settings(8, Duration.ofMillis(50), null)))
			.expectNext(":\n\n")
			.expectNext(":\n\n")
			.thenCancel()
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void timeoutOfTheConstructorWins() {
		DatastarStream stream = new DatastarStream(Duration.ofMillis(50));
		StepVerifier.create(text(stream, settings(8, Duration.ZERO, null))).verifyComplete();
		DatastarStream none = new DatastarStream(Duration.ZERO);
		StepVerifier.create(text(none, settings(8, Duration.ZERO, Duration.ofMillis(10))))
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(200))
			.thenCancel()
			.verify();
	}

	@Test
	void timeoutCompletesTheStream() {
		DatastarStream stream = new DatastarStream();
		AtomicInteger closed = new AtomicInteger();
		stream.onClose(closed::incrementAndGet);
		StepVerifier.create(text(stream, settings(8, Duration.ZERO, Duration.ofMillis(50))))
			.verifyComplete();
		assertThat(closed).hasValue(1);
	}

	@Test
	void concurrentSendersNeverInterleaveOrLoseEvents() throws Exception {
		DatastarStream stream = new DatastarStream(100_000);
		int perThread = 2000;
		Thread[] threads = new Thread[4];
		for (int t = 0; t < threads.length; t++) {
			int id = t;
			threads[t] = new Thread(() -> {
				for (int i = 0; i < perThread; i++) {
					stream.offer((id + ":" + i).getBytes());
				}
			});
		}
		StepVerifier.create(text(stream, settings(100_000, Duration.ZERO, null)).collectList())
			.then(() -> {
				for (Thread t : threads) {
					t.start();
				}
				for (Thread t : threads) {
					try {
						t.join();
					}
					catch (InterruptedException ex) {
						throw new IllegalStateException(ex);
					}
				}
				stream.complete();
			})
			.assertNext(all -> {
				assertThat(all).hasSize(threads.length * perThread);
				for (int t = 0; t < threads.length; t++) {
					String prefix = t + ":";
					assertThat(all.stream().filter(s -> s.startsWith(prefix)).map(s -> Integer.parseInt(s.substring(prefix.length()))))
						.as("per-sender order").isSorted();
				}
			})
			.verifyComplete();
	}

	@Test
	void abortClosesTheConnectionInsteadOfCompletingAndRunsTheCallbacksOnce() {
		DatastarStream stream = new DatastarStream();
		AtomicInteger closes = new AtomicInteger();
		AtomicInteger aborts = new AtomicInteger();
		stream.onClose(closes::incrementAndGet);
		stream.patchSignals(Map.of("n", 1));
		Flux<byte[]> frames = Flux.from(stream.frames(settings(8, Duration.ZERO, null), aborts::incrementAndGet));
		StepVerifier.create(frames, 0)
			.then(() -> {
				stream.abort();
				stream.abort();
				stream.complete();
			})
			.thenRequest(10)
			.expectNoEvent(Duration.ofMillis(100))
			.thenCancel()
			.verify(Duration.ofSeconds(5));
		assertThat(aborts).hasValue(1);
		assertThat(closes).hasValue(1);
		assertThat(stream.isOpen()).isFalse();
		assertThat(stream.queuedEvents()).isZero();
		assertThat(stream.patchSignals(Map.of("n", 2))).isFalse();
	}

	@Test
	void abortWithoutAWayToCloseTheConnectionCompletes() {
		DatastarStream stream = new DatastarStream();
		AtomicInteger closes = new AtomicInteger();
		stream.onClose(closes::incrementAndGet);
		stream.patchSignals(Map.of("n", 1));
		StepVerifier.create(text(stream, settings(8, Duration.ZERO, null)))
			.then(stream::abort)
			.expectNext(this.encoder.encodeToString(DatastarEvents.patchSignals(Map.of("n", 1))))
			.verifyComplete();
		assertThat(closes).hasValue(1);
	}

}
