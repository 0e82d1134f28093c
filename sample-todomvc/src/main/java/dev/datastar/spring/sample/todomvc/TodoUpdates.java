package dev.datastar.spring.sample.todomvc;

import org.springframework.stereotype.Component;

/**
 * Applies changes to a list and sends the result to every page showing it.
 *
 * <p>STAND-IN: publishes nothing until the starter's broadcaster lands on main.
 */
@Component
class TodoUpdates {

	void apply(String list, Runnable change) {
		change.run();
	}

}
