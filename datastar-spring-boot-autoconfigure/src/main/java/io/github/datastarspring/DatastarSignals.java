package io.github.datastarspring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a controller method parameter to the signals the Datastar client sent: the {@code datastar}
 * query parameter of GET and DELETE requests, the JSON body of POST, PUT and PATCH requests. The
 * JSON is read with the application's {@code JsonMapper} into a record, a bean, a {@code Map} or a
 * {@code JsonNode}; {@code @Valid} applies as for {@code @RequestBody}.
 *
 * <pre>{@code
 * @PostMapping("/todos")
 * DatastarResponse add(@DatastarSignals @Valid NewTodo signals) { ... }
 * }</pre>
 *
 * Works on both Spring MVC and WebFlux. Bad JSON is answered with 400, an oversized payload with 413.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface DatastarSignals {

	/**
	 * Whether signals must be present: when {@code true} (the default) a request without them is
	 * answered with 400; when {@code false} the parameter is {@code null} (or an empty
	 * {@code Optional}).
	 */
	boolean required() default true;

}
