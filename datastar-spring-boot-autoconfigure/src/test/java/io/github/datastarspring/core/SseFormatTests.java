package io.github.datastarspring.core;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SseFormatTests {

	final DatastarEventEncoder encoder = new DatastarEventEncoder();

	@Test
	void fieldsOfAnEventWrittenBackGiveTheEncodersBytes() {
		List<DatastarEvent> events = List.of(
				PatchElements.builder().elements("<div>\r\n a\rb\n</div>").selector("#x").mode(ElementPatchMode.INNER)
					.eventId("7").retry(Duration.ofMillis(2500)).build(),
				PatchSignals.builder().signals(Map.of("a", "ü")).onlyIfMissing(true).retry(Duration.ofMillis(1000)).build(),
				DatastarEvents.executeScript("a()\nb()"), DatastarEvents.removeElements("#y"));
		for (DatastarEvent e : events) {
			String data = SseFormat.data(this.encoder, e);
			Duration retry = (e.retry() == null || e.retry().equals(DatastarEvent.DEFAULT_RETRY)) ? null : e.retry();
			assertThat(new String(SseFormat.encode(e.type().wireName(), e.eventId(), retry, null, data), StandardCharsets.UTF_8))
				.isEqualTo(this.encoder.encodeToString(e));
		}
	}

	@Test
	void dataOfAnEventIsItsDataLines() {
		assertThat(SseFormat.data(this.encoder, DatastarEvents.patchElements("<a></a>", "#x", ElementPatchMode.APPEND)))
			.isEqualTo("selector #x\nmode append\nelements <a></a>");
	}

	@Test
	void genericEventsFollowTheProtocolLayout() {
		assertThat(new String(SseFormat.encode("tick", "1", Duration.ofSeconds(3), "a\nb", "x\r\ny"), StandardCharsets.UTF_8))
			.isEqualTo("event: tick\nid: 1\nretry: 3000\n: a\n: b\ndata: x\ndata: y\n\n");
		assertThat(new String(SseFormat.encode(null, null, Duration.ofMillis(1000), null, "d"), StandardCharsets.UTF_8))
			.isEqualTo("data: d\n\n");
	}

	@Test
	void singleLineFieldsRefuseLineBreaks() {
		assertThatIllegalArgumentException().isThrownBy(() -> SseFormat.encode("a\nevent: forged", null, null, null, "x"));
		assertThatIllegalArgumentException().isThrownBy(() -> SseFormat.encode("a", "1\r", null, null, "x"));
	}

}
