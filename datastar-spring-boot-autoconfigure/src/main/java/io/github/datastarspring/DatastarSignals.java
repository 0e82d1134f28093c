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
 * Works on both Spring MVC and WebFlux, through one pipeline ({@code DatastarSignalsReader}). Bad
 * signals are a {@code DatastarSignalsException}: for a Datastar request the page shows its message
 * ({@code datastar.errors.*}); other callers get 400 (413 when oversized) with problem details.
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
