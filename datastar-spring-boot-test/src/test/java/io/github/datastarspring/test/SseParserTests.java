package io.github.datastarspring.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The stream format as browsers read it, including the corners a hand-written parser misses. */
class SseParserTests {

	@Test
	void readsDatastarOptionsAndDefaults() {
		ReceivedEvents events = ReceivedEvents.parse("event: datastar-patch-elements\nid: 7\nretry: 2000\n"
				+ "data: selector #list\ndata: mode append\ndata: useViewTransition true\n"
				+ "data: elements <li>a</li>\ndata: elements <li>b</li>\n\n"
				+ "event: datastar-patch-signals\ndata: signals {\"a\":\ndata: signals 1}\ndata: onlyIfMissing true\n\n");
		assertThat(events.size()).isEqualTo(2);
		ReceivedEvent patch = events.get(0);
		assertThat(patch.isPatchElements()).isTrue();
		assertThat(patch.id()).isEqualTo("7");
		assertThat(patch.retry()).isEqualTo(Duration.ofSeconds(2));
		assertThat(patch.selector()).isEqualTo("#list");
		assertThat(patch.mode()).isEqualTo("append");
		assertThat(patch.useViewTransition()).isTrue();
		assertThat(patch.namespace()).isEqualTo("html");
		assertThat(patch.elements()).isEqualTo("<li>a</li>\n<li>b</li>");
		ReceivedEvent signals = events.get(1);
		assertThat(signals.isPatchSignals()).isTrue();
		assertThat(signals.signals()).isEqualTo("{\"a\":\n1}");
		assertThat(signals.onlyIfMissing()).isTrue();
		assertThat(signals.id()).isNull();
		assertThat(signals.retry()).isNull();
		assertThat(signals.mode()).isEqualTo("outer");
	}

	@Test
	void everyLineEndingEndsALineAndOneSpaceAfterTheColonIsDropped() {
		ReceivedEvents events = ReceivedEvents.parse(
				"event:datastar-patch-elements\r\ndata: elements  <pre>\rdata:elements x\n\r\n: ping\n\n");
		assertThat(events.events()).singleElement().satisfies((e) -> {
			assertThat(e.type()).isEqualTo("datastar-patch-elements");
			assertThat(e.data()).containsExactly("elements  <pre>", "elements x");
			assertThat(e.elements()).isEqualTo(" <pre>\nx");
		});
		assertThat(events.comments()).containsExactly("ping");
	}

	@Test
	void piecesMaySplitLinesLineEndingsAndCharacters() {
		byte[] stream = "event: datastar-patch-signals\r\ndata: signals {\"name\":\"Zoë ✓\"}\r\n\r\n: \r\n"
			.getBytes(StandardCharsets.UTF_8);
		SseParser parser = new SseParser();
		List<ReceivedEvent> events = new ArrayList<>();
		for (byte b : stream) {
			events.addAll(parser.accept(new byte[] { b }));
		}
		assertThat(events).singleElement()
			.satisfies((e) -> assertThat(e.signals()).isEqualTo("{\"name\":\"Zoë ✓\"}"));
		assertThat(parser.comments()).containsExactly("");
		assertThat(parser.pending()).isEmpty();
	}

	@Test
	void anUnfinishedEventIsNotAnEventButIsPending() {
		SseParser parser = new SseParser();
		assertThat(parser.accept("event: datastar-patch-elements\ndata: elements <p>")).isEmpty();
		assertThat(parser.pending()).isEqualTo("event: datastar-patch-elements\ndata: elements <p>");
		assertThat(ReceivedEvents.parse("event: x\ndata: y\n").size()).isZero();
	}

	@Test
	void aByteOrderMarkAndUnknownFieldsAreIgnoredAndBadRetriesToo() {
		ReceivedEvents events = ReceivedEvents.parse("\uFEFFevent: a\nfoo: bar\nretry: 1s\ndata: x\n\ndata: only\n\n");
		assertThat(events.get(0).type()).isEqualTo("a");
		assertThat(events.get(0).retry()).isNull();
		assertThat(events.get(1).type()).isEqualTo(ReceivedEvent.DEFAULT_TYPE);
		assertThat(events.get(1)).hasToString("data: only\n\n");
	}

	@Test
	void eventsPrintAsOnTheWire() {
		String wire = "event: datastar-patch-elements\nid: 1\nretry: 500\ndata: elements <p id=\"a\"></p>\n\n";
		assertThat(ReceivedEvents.parse(wire)).hasToString(wire);
	}

	@Test
	void invalidUtf8IsAClearError() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new SseParser().accept(new byte[] { 'd', (byte) 0xff, (byte) 0xfe, '\n' }))
			.withMessageContaining("UTF-8");
	}

}
