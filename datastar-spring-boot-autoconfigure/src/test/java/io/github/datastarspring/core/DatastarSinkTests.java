package io.github.datastarspring.core;

import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DatastarSinkTests {

	@Test
	void abortCompletesUnlessTheSinkKnowsBetter() {
		AtomicBoolean completed = new AtomicBoolean();
		DatastarSink sink = new DatastarSink() {

			@Override
			public boolean offer(byte[] encodedEvent) {
				return false;
			}

			@Override
			public boolean offerReplacingQueued(byte[] encodedEvent) {
				return false;
			}

			@Override
			public boolean isOpen() {
				return !completed.get();
			}

			@Override
			public void complete() {
				completed.set(true);
			}

			@Override
			public void onClose(Runnable callback) {
			}
		};
		sink.abort();
		assertThat(completed).isTrue();
		assertThat(sink.isOpen()).isFalse();
	}

}
