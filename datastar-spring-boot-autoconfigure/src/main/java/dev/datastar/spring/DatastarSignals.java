package dev.datastar.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds the signals the Datastar client sent (query parameter {@code datastar} for GET and
 * DELETE, JSON body otherwise) to a controller method parameter: a record, a bean, a
 * {@code Map} or a {@code JsonNode}. Add {@code @Valid} to validate it.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface DatastarSignals {

	/** Whether a request without signals is an error (400); otherwise the parameter is {@code null}. */
	boolean required() default true;

}
