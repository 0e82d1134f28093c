package io.github.datastarspring.sample.todomvc;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.github.datastarspring.test.DatastarAssertions.assertThat;
import static io.github.datastarspring.test.DatastarMockMvc.events;
import static io.github.datastarspring.test.DatastarMockMvc.signals;
import static org.assertj.core.api.Assertions.assertThat;

/** The commands through {@code MockMvcTester}, signals sent as the Datastar client sends them. */
@SpringBootTest
@AutoConfigureMockMvc
class TodoControllerMockMvcTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TodoStore store;

	// tag::mockmvc[]
	@Test
	void addingATodoClearsTheInput() {
		MvcTestResult result = this.mvc.post().uri("/lists/{list}/todos", "groceries")
			.with(signals(Map.of("title", "Buy milk")))
			.exchange();
		assertThat(result).hasStatusOk();
		assertThat(events(result)).singleElement()
			.isPatchSignals()
			.hasSignal("title", "");
	}
	// end::mockmvc[]

	@Test
	void editingSendsTheDraftAndLeavesEditMode() {
		Todo todo = this.store.add("chores", "Walk the dog");
		MvcTestResult result = this.mvc.put().uri("/lists/{list}/todos/{id}", "chores", todo.id())
			.with(signals("{\"draft\":\" Walk the cat \"}"))
			.exchange();
		assertThat(events(result)).singleElement().isPatchSignals().hasSignals("{\"_editing\":0}");
		assertThat(this.store.find("chores").todos()).extracting(Todo::title).containsExactly("Walk the cat");
	}

	@Test
	void aCommandWithoutSignalsIsRefusedWithAMessage() {
		assertThat(this.mvc.post().uri("/lists/{list}/todos", "groceries").with(signals(""))).hasStatus(400)
			.bodyText()
			.contains("request body is empty");
	}

}
