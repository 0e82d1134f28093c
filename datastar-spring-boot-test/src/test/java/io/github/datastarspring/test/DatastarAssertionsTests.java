package io.github.datastarspring.test;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static io.github.datastarspring.test.DatastarAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The assertions pass on what the protocol says and fail with the event in the message. */
class DatastarAssertionsTests {

	private static final ReceivedEvents STREAM = ReceivedEvents.parse("""
			event: datastar-patch-elements
			id: 3
			data: selector #todos
			data: mode inner
			data: elements <li class="done" id="t1">Milk</li>

			event: datastar-patch-signals
			data: signals {"title":"","count":2,"todo":{"id":7,"done":false},"gone":null}

			: heartbeat

			""");

	@Test
	void passingAssertionsReadAsTheProtocol() {
		assertThat(STREAM).hasSize(2).comments().containsExactly("heartbeat");
		assertThat(STREAM).first()
			.isPatchElements()
			.hasId("3")
			.hasNoRetry()
			.hasSelector("#todos")
			.hasMode("inner")
			.hasNamespace("html")
			.hasElements("<li class=\"done\" id=\"t1\">Milk</li>")
			.elements()
			.contains(">Milk<");
		assertThat(STREAM).last()
			.isPatchSignals()
			.hasSignals("{\"count\":2.0, \"title\":\"\", \"gone\":null, \"todo\":{\"done\":false,\"id\":7}}")
			.hasSignal("title", "")
			.hasSignal("count", 2L)
			.hasSignal("todo.id", 7)
			.hasSignal("todo", Map.of("id", 7, "done", false))
			.hasSignal("gone", null)
			.doesNotHaveSignal("todo.title");
		assertThat(STREAM).patchSignals().singleElement().hasNoId();
		assertThat(STREAM).patchElements().singleElement().hasData("selector #todos", "mode inner",
				"elements <li class=\"done\" id=\"t1\">Milk</li>");
	}

	@Test
	void aWrongOptionFailsWithTheEventInTheMessage() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(STREAM).first().hasSelector("#other"))
			.withMessageContaining("Expected selector")
			.withMessageContaining("\"#other\"")
			.withMessageContaining("data: elements <li class=\"done\" id=\"t1\">Milk</li>");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(STREAM).first().isPatchSignals())
			.withMessageContaining("datastar-patch-signals");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(STREAM).first().hasRetry(Duration.ofSeconds(1)))
			.withMessageContaining("(none)");
	}

	@Test
	void aWrongSignalFailsWithPathAndValue() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(STREAM).last().hasSignal("todo.done", true))
			.withMessageContaining("'todo.done'")
			.withMessageContaining("false");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(STREAM).last().hasSignal("todo.title", "x"))
			.withMessageContaining("does not have it");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(STREAM).last().hasSignals("{\"title\":\"\"}"))
			.withMessageContaining("Expected signals");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(STREAM).first().hasSignal("title", ""))
			.withMessageContaining("datastar-patch-signals");
	}

	@Test
	void equivalenceFollowsTheOfficialSuite() {
		// Attribute order and the order of different data keys do not matter...
		assertThat(STREAM).isEquivalentTo("""
				event: datastar-patch-elements
				id: 3
				data: elements <li id="t1" class="done">Milk</li>
				data: mode inner
				data: selector #todos

				event: datastar-patch-signals
				data: signals {"title":"","count":2,"todo":{"id":7,"done":false},"gone":null}

				""");
		// ...the order of lines with the same key does.
		ReceivedEvents twoLines = ReceivedEvents.parse("event: e\ndata: elements <a>\ndata: elements </a>\n\n");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(twoLines).isEquivalentTo("event: e\ndata: elements </a>\ndata: elements <a>\n\n"))
			.withMessageContaining("Event 0 differs");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(twoLines).isEquivalentTo(""))
			.withMessageContaining("Expected 0 events but got 1");
	}

}
