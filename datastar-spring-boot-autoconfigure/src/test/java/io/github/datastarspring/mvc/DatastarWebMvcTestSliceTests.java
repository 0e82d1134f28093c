package io.github.datastarspring.mvc;

import java.util.Map;

import io.github.datastarspring.DatastarSignals;
import io.github.datastarspring.core.DatastarEvents;
import io.github.datastarspring.core.DatastarResponse;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A user's {@code @WebMvcTest} gets the Datastar MVC support too. */
@WebMvcTest
class DatastarWebMvcTestSliceTests {

	@Autowired
	MockMvc mvc;

	@Test
	void oneShotAnswersAndSignals() throws Exception {
		this.mvc.perform(post("/greet").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Ada\",\"x\":1}"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "text/event-stream"))
			.andExpect(content().string("event: datastar-patch-signals\ndata: signals {\"message\":\"Hello Ada\"}\n\n"));
	}

	@Test
	void badSignalsAre400WithAProblemBody() throws Exception {
		this.mvc.perform(post("/greet").contentType(MediaType.APPLICATION_JSON).content("{\"name\":"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("Datastar signals are not valid JSON")));
	}

	@Test
	void emittersStreamAsynchronously() throws Exception {
		MvcResult result = this.mvc.perform(get("/stream")).andExpect(request().asyncStarted()).andReturn();
		result.getAsyncResult(5000);
		assertThat(result.getResponse().getContentAsString())
			.isEqualTo("event: datastar-patch-elements\ndata: elements <p id=\"p\">hi</p>\n\n");
	}

	@SpringBootConfiguration
	@Import(GreetController.class)
	static class Config {

	}

	@RestController
	static class GreetController {

		record Greeting(String name) {
		}

		@PostMapping("/greet")
		DatastarResponse greet(@DatastarSignals Greeting signals) {
			return DatastarResponse.of(DatastarEvents.patchSignals(Map.of("message", "Hello " + signals.name())));
		}

		@GetMapping("/stream")
		DatastarEmitter stream() {
			DatastarEmitter emitter = new DatastarEmitter();
			emitter.patchElements("<p id=\"p\">hi</p>");
			emitter.complete();
			return emitter;
		}

	}

}
