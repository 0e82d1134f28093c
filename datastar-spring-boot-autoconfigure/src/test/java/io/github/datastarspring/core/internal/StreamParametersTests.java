package io.github.datastarspring.core.internal;

import java.lang.reflect.Method;

import io.github.datastarspring.mvc.DatastarEmitter;
import io.github.datastarspring.webflux.DatastarStream;
import org.junit.jupiter.api.Test;

import org.springframework.core.MethodParameter;

import static org.assertj.core.api.Assertions.assertThat;

class StreamParametersTests {

	@Test
	void aMethodTakingTheStreamIsRecognised() throws Exception {
		assertThat(StreamParameters.takesStream(Handlers.class.getDeclaredMethod("feed", DatastarEmitter.class),
				DatastarEmitter.class)).isTrue();
	}

	@Test
	void aMethodTakingAnotherStreamTypeIsNot() throws Exception {
		assertThat(StreamParameters.takesStream(Handlers.class.getDeclaredMethod("feed", DatastarEmitter.class),
				DatastarStream.class)).isFalse();
	}

	@Test
	void theMisuseErrorSaysWhatToReturnAndWhere() throws Exception {
		Method method = Handlers.class.getDeclaredMethod("wrong", DatastarStream.class);
		assertThat(StreamParameters.needsNoReturnValue(new MethodParameter(method, 0), "void or Mono<Void>"))
			.hasMessageStartingWith("A DatastarStream parameter needs a method returning void or Mono<Void>; "
					+ "return the stream instead from ")
			.hasMessageContaining("wrong");
	}

	static class Handlers {

		void feed(DatastarEmitter emitter) {
		}

		String wrong(DatastarStream stream) {
			return "";
		}

	}

}
