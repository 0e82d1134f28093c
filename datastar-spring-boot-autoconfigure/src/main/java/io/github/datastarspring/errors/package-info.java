/**
 * Errors the user sees: exceptions of Datastar requests become events (a toast or a signal),
 * shared by the Spring MVC and WebFlux adapters; other callers get problem details.
 */
@NullMarked
package io.github.datastarspring.errors;

import org.jspecify.annotations.NullMarked;
