package io.github.datastarspring.docs.gettingstarted;

// tag::controller[]
import java.util.Map;

import io.github.datastarspring.DatastarSignals;
import io.github.datastarspring.core.DatastarEvents;
import io.github.datastarspring.core.DatastarResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;

@Controller
class GreetController {

	record Greeting(@NotBlank String name) {
	}

	@PostMapping("/greet")
	DatastarResponse greet(@Valid @DatastarSignals Greeting signals) {
		return DatastarResponse.of(DatastarEvents.patchSignals(Map.of("message", "Hello " + signals.name())));
	}

}
// end::controller[]
