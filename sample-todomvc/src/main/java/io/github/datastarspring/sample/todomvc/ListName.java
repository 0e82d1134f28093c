package io.github.datastarspring.sample.todomvc;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;

/**
 * A list name, as in {@code ?list=groceries}: 1 to 64 letters, digits, {@code -} or {@code _}, so
 * that it is safe in URLs and topic names as it is.
 */
@Pattern(regexp = "[A-Za-z0-9_-]{1,64}")
@Constraint(validatedBy = {})
@ReportAsSingleViolation
@Target({ ElementType.PARAMETER, ElementType.FIELD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ListName {

	String message() default "a list name has 1 to 64 letters, digits, '-' or '_'";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
