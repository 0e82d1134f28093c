package io.github.datastarspring.test;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.Executors;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import static io.github.datastarspring.test.DatastarAssertions.assertThat;
import static io.github.datastarspring.test.DatastarMockMvc.events;
import static io.github.datastarspring.test.DatastarMockMvc.signals;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Requests reach a controller as the Datastar client sends them, and streamed responses are read
 * whole. The controller here writes the wire format itself: this module knows nothing of the
 * starter.
 */
class DatastarMockMvcTests {

	private final MockMvc mockMvc = MockMvcBuilders.standaloneSetup(new EchoController()).build();

	private final MockMvcTester mvc = MockMvcTester.create(this.mockMvc);

	@Test
	void postSendsSignalsAsAJsonBodyWithTheClientsHeaders() {
		var result = this.mvc.post().uri("/echo").with(signals(Map.of("title", "Zoë's <b>milk</b>"))).exchange();
		org.assertj.core.api.Assertions.assertThat(result).hasStatusOk();
		assertThat(events(result)).singleElement()
			.isPatchSignals()
			.hasSignal("method", "POST")
			.hasSignal("datastarRequest", "true")
			.hasSignal("accept", "text/event-stream, text/html, application/json")
			.hasSignal("contentType", "application/json")
			.hasSignal("received", "{\"title\":\"Zoë's <b>milk</b>\"}");
	}

	@Test
	void getAndDeleteSendSignalsInTheDatastarQueryParameter() throws Exception {
		MvcResult result = this.mockMvc.perform(get("/echo?page=2").with(signals("{\"q\":\"a&b c\"}"))).andReturn();
		assertThat(events(result)).singleElement()
			.hasSignal("method", "GET")
			.hasSignal("received", "{\"q\":\"a&b c\"}")
			.hasSignal("query", "page=2&datastar=%7B%22q%22%3A%22a%26b+c%22%7D");
		assertThat(events(this.mockMvc.perform(delete("/echo").with(signals(Map.of("id", 1)))).andReturn()))
			.singleElement()
			.hasSignal("received", "{\"id\":1}");
		assertThat(events(this.mockMvc.perform(put("/echo").with(signals(Map.of("id", 1)))).andReturn()))
			.singleElement()
			.hasSignal("method", "PUT")
			.hasSignal("query", "");
	}

	@Test
	void anAsynchronousStreamIsReadOnceItEnds() throws Exception {
		MvcResult result = this.mockMvc.perform(get("/stream").with(DatastarMockMvc.datastar())).andReturn();
		assertThat(events(result)).hasSize(3).allSatisfy((event) -> assertThat(event).isPatchElements())
			.last()
			.hasElements("<p id=\"n\">2</p>");
		assertThat(events(this.mvc.get().uri("/stream").exchange())).hasSize(3);
	}

	@RestController
	static class EchoController {

		@RequestMapping(path = "/echo", method = { RequestMethod.GET, RequestMethod.POST, RequestMethod.PUT,
				RequestMethod.DELETE })
		ResponseEntity<String> echo(HttpServletRequest request, @RequestHeader("Datastar-Request") String datastar,
				@RequestHeader("Accept") String accept, @RequestParam(name = "datastar", required = false) String query,
				@RequestBody(required = false) byte[] body) {
			String received = (query != null) ? query
					: (body != null) ? new String(body, java.nio.charset.StandardCharsets.UTF_8) : null;
			String json = tools.jackson.databind.json.JsonMapper.shared()
				.writeValueAsString(Map.of("method", request.getMethod(), "datastarRequest", datastar, "accept", accept,
						"contentType", String.valueOf(request.getContentType()), "received", String.valueOf(received),
						"query", String.valueOf(request.getQueryString()).replace("null", "")));
			// Streams are UTF-8 whatever the header says; without a charset Spring would write ISO-8859-1.
			return ResponseEntity.ok()
				.contentType(new MediaType(MediaType.TEXT_EVENT_STREAM, java.nio.charset.StandardCharsets.UTF_8))
				.body("event: datastar-patch-signals\ndata: signals " + json + "\n\n");
		}

		@GetMapping("/stream")
		SseEmitter stream() {
			SseEmitter emitter = new SseEmitter();
			Executors.newSingleThreadExecutor().execute(() -> {
				try {
					for (int i = 0; i < 3; i++) {
						emitter.send(SseEmitter.event().name("datastar-patch-elements")
							.data("elements <p id=\"n\">" + i + "</p>"));
					}
					emitter.complete();
				}
				catch (IOException ex) {
					emitter.completeWithError(ex);
				}
			});
			return emitter;
		}

	}

}
