package dev.datastar.spring.sample.todomvc;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Multiplayer TodoMVC on Spring MVC and Datastar. */
@SpringBootApplication
public class TodoMvcApplication {

	public static void main(String[] args) {
		SpringApplication.run(TodoMvcApplication.class, args);
	}

}
