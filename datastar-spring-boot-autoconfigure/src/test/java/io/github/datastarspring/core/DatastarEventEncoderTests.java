package io.github.datastarspring.core;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.datastarspring.conformance.ConformanceCases;
import io.github.datastarspring.conformance.ConformanceEvents;
import io.github.datastarspring.conformance.SseComparison;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DatastarEventEncoderTests {

	private final DatastarEventEncoder encoder = new DatastarEventEncoder(JsonMapper.builder().build());

	private String encode(DatastarEvent event) {
		return this.encoder.encodeToString(event);
	}

	static List<ConformanceCases.Case> cases() {
		return ConformanceCases.all();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void officialCaseEncodesToExpectedStream(ConformanceCases.Case c) {
		StringBuilder actual = new StringBuilder();
		ConformanceEvents.from(JsonMapper.shared().readTree(c.input())).forEach(e -> actual.append(encode(e)));
		SseComparison.assertEquivalent(c.expected(), actual.toString());
	}

	@Test
	void patchElementsWithDefaultsWritesOnlyElements() {
		assertThat(encode(PatchElements.of("<div id=\"a\">x</div>")))
			.isEqualTo("event: datastar-patch-elements\ndata: elements <div id=\"a\">x</div>\n\n");
	}

	@Test
	void patchElementsWritesEveryNonDefaultOptionInOrder() {
		PatchElements event = PatchElements.builder().elements("<b>x</b>").selector("#t").mode(ElementPatchMode.INNER)
			.useViewTransition(true).viewTransitionSelector("#main").namespace(ElementNamespace.SVG).eventId("7")
			.retry(Duration.ofSeconds(3)).build();
		assertThat(encode(event)).isEqualTo("""
				event: datastar-patch-elements
				id: 7
				retry: 3000
				data: selector #t
				data: mode inner
				data: useViewTransition true
				data: viewTransitionSelector #main
				data: namespace svg
				data: elements <b>x</b>

				""");
	}

	@ParameterizedTest
	@ValueSource(strings = { "outer", "inner", "replace", "prepend", "append", "before", "after", "remove" })
	void everyModeHasItsWireNameAndOuterIsOmitted(String mode) {
		PatchElements.Builder b = PatchElements.builder().selector("#x").mode(ElementPatchMode.fromWireName(mode));
		if (!mode.equals("remove")) {
			b.elements("<p></p>");
		}
		String wire = encode(b.build());
		assertThat(wire.contains("data: mode " + mode + "\n")).isEqualTo(!mode.equals("outer"));
	}

	@Test
	void defaultsAreOmitted() {
		String wire = encode(PatchElements.builder().elements("<p id=\"p\"></p>").mode(ElementPatchMode.OUTER)
			.useViewTransition(false).viewTransitionSelector("#ignored").namespace(ElementNamespace.HTML)
			.retry(Duration.ofMillis(1000)).build());
		assertThat(wire).isEqualTo("event: datastar-patch-elements\ndata: elements <p id=\"p\"></p>\n\n");
		assertThat(encode(PatchSignals.builder().signals("{}").onlyIfMissing(false).build()))
			.isEqualTo("event: datastar-patch-signals\ndata: signals {}\n\n");
	}

	@Test
	void retryZeroIsWrittenBecauseItIsNotTheDefault() {
		assertThat(encode(PatchSignals.builder().signals("{}").retry(Duration.ZERO).build())).contains("retry: 0\n");
	}

	@Test
	void multiLineValuesAreSplitOnCrLfAndCrLf() {
		assertThat(encode(PatchElements.of("<pre id=\"p\">a\r\nb\rc\n\n  d</pre>"))).isEqualTo("""
				event: datastar-patch-elements
				data: elements <pre id="p">a
				data: elements b
				data: elements c
				data: elements\s
				data: elements   d</pre>

				""");
	}

	@Test
	void signalsTextIsSentVerbatimLineByLine() {
		assertThat(encode(PatchSignals.of("{\"a\":\r\n1}"))).isEqualTo("event: datastar-patch-signals\ndata: signals {\"a\":\ndata: signals 1}\n\n");
	}

	@Test
	void signalsObjectsAreSerialisedCompactlyKeepingNullsAndOrder() {
		Map<String, Object> signals = new LinkedHashMap<>();
		signals.put("z", 1);
		signals.put("a", null);
		signals.put("text", "two\nlines");
		assertThat(encode(PatchSignals.of(signals)))
			.isEqualTo("event: datastar-patch-signals\ndata: signals {\"z\":1,\"a\":null,\"text\":\"two\\nlines\"}\n\n");
		record Todo(String title, boolean done) {
		}
		assertThat(encode(DatastarEvents.patchSignalsIfMissing(new Todo("x", true))))
			.isEqualTo("event: datastar-patch-signals\ndata: onlyIfMissing true\ndata: signals {\"title\":\"x\",\"done\":true}\n\n");
		assertThat(encode(PatchSignals.of(JsonMapper.shared().readTree("{\"n\": [1, 2]}"))))
			.isEqualTo("event: datastar-patch-signals\ndata: signals {\"n\":[1,2]}\n\n");
	}

	@Test
	void removeSignalsBuildsNestedNullPatch() {
		assertThat(encode(DatastarEvents.removeSignals("user.name", "user.email", "busy", "a.b.c", "a")))
			.isEqualTo("event: datastar-patch-signals\ndata: signals {\"user\":{\"name\":null,\"email\":null},\"busy\":null,\"a\":null}\n\n");
		assertThatIllegalArgumentException().isThrownBy(() -> DatastarEvents.removeSignals("a..b"));
	}

	@Test
	void removeElementsWritesSelectorAndModeWithoutElements() {
		assertThat(encode(DatastarEvents.removeElements("#gone")))
			.isEqualTo("event: datastar-patch-elements\ndata: selector #gone\ndata: mode remove\n\n");
	}

	@Test
	void executeScriptAppendsSelfRemovingScriptToBody() {
		assertThat(encode(ExecuteScript.builder().script("a()\nb()").attribute("type", "module")
			.attribute("data-x", "\"<&'>").eventId("e").build())).isEqualTo("""
				event: datastar-patch-elements
				id: e
				data: mode append
				data: selector body
				data: elements <script type="module" data-x="&quot;&lt;&amp;&#39;&gt;" data-effect="el.remove()">a()
				data: elements b()</script>

				""");
	}

	@Test
	void redirectAndConsoleLogEscapeTheirArgumentsAsJavaScriptStrings() {
		assertThat(encode(DatastarEvents.redirect("/a?b=\"c\"&d=</script>")))
			.contains("<script data-effect=\"el.remove()\">setTimeout(() => window.location.href = \"/a?b=\\\"c\\\"&d=\\u003c/script>\")</script>");
		assertThat(encode(DatastarEvents.consoleLog("line\nbreak"))).contains(">console.log(\"line\\nbreak\")</script>");
	}

	@Test
	void nonAsciiIsUtf8() {
		byte[] bytes = this.encoder.encode(PatchElements.of("<p id=\"x\">é€😀</p>"));
		assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("é€😀");
	}

	@ParameterizedTest
	@ValueSource(strings = { "a\nb", "a\rb", "a\r\nb" })
	void singleLineOptionsRefuseCrAndLf(String bad) {
		assertThatIllegalArgumentException().isThrownBy(() -> PatchElements.builder().elements("<p id=\"p\"></p>").selector(bad).build())
			.withMessageContaining("selector");
		assertThatIllegalArgumentException().isThrownBy(() -> PatchElements.builder().elements("<p id=\"p\"></p>").eventId(bad).build())
			.withMessageContaining("eventId");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PatchElements.builder().elements("<p></p>").useViewTransition(true).viewTransitionSelector(bad).build());
		assertThatIllegalArgumentException().isThrownBy(() -> PatchSignals.builder().signals("{}").eventId(bad).build());
		assertThatIllegalArgumentException().isThrownBy(() -> ExecuteScript.builder().script("x").eventId(bad).build());
		assertThatIllegalArgumentException().isThrownBy(() -> ExecuteScript.builder().script("x").attribute(bad, "v").build());
	}

	@Test
	void modesOtherThanOuterAndReplaceNeedASelector() {
		assertThatIllegalArgumentException().isThrownBy(() -> PatchElements.builder().elements("<p></p>").mode(ElementPatchMode.APPEND).build())
			.withMessageContaining("append");
		assertThat(encode(PatchElements.builder().elements("<p id=\"p\"></p>").mode(ElementPatchMode.REPLACE).build()))
			.contains("data: mode replace\n");
	}

	@Test
	void negativeRetryIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> PatchSignals.builder().signals("{}").retry(Duration.ofMillis(-1)).build());
	}

	@Test
	void commentIsAHeartbeatTheClientIgnores() {
		assertThat(new String(this.encoder.comment(""), StandardCharsets.UTF_8)).isEqualTo(":\n\n");
		assertThat(new String(this.encoder.comment("a\nb"), StandardCharsets.UTF_8)).isEqualTo(": a\n: b\n\n");
	}

	@Test
	void largeEventsGrowTheBufferAndEncodeCompletely() {
		String html = "<div id=\"big\">" + "x".repeat(200_000) + "</div>";
		String wire = encode(PatchElements.of(html));
		assertThat(wire.length()).isEqualTo(html.length() + 48);
		assertThat(wire.endsWith("x</div>\n\n")).isTrue();
		assertThat(encode(PatchElements.of("<p id=\"s\"></p>"))).hasSize(48 + 14);
	}

	@Test
	void eventsAreImmutableValues() {
		PatchElements a = PatchElements.builder().elements("<p id=\"p\"></p>").build();
		PatchElements b = a.withEventId("9");
		assertThat(a.eventId()).isNull();
		assertThat(b.eventId()).isEqualTo("9");
		assertThat(b.toBuilder().eventId(null).build()).isEqualTo(a);
	}


	@Test
	void everyLineBreakAndCharacterMixEncodesLikeTheReferenceSplit() {
		java.util.Random random = new java.util.Random(42);
		String[] pieces = { "a", "<p>", " ", "\n", "\r", "\r\n", "é", "€", "😀", "\n\n", "x".repeat(300) };
		for (int round = 0; round < 2_000; round++) {
			StringBuilder html = new StringBuilder();
			int parts = random.nextInt(12);
			for (int i = 0; i < parts; i++) {
				html.append(pieces[random.nextInt(pieces.length)]);
			}
			String value = html.toString();
			StringBuilder expected = new StringBuilder("event: datastar-patch-elements\n");
			if (!value.isEmpty()) {
				for (String line : value.split("\r\n|\r|\n", -1)) {
					expected.append("data: elements ").append(line).append('\n');
				}
			}
			expected.append('\n');
			assertThat(encode(PatchElements.of(value))).as("value %s", value.replace("\r", "\\r").replace("\n", "\\n"))
				.isEqualTo(expected.toString());
		}
	}

}
