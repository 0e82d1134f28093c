/**
 * Datastar for WebFlux: {@link io.github.datastarspring.webflux.DatastarStream}, reactive return
 * values, {@code ServerSentEvent} support, signals parameters and error answers.
 */
@NullMarked
package io.github.datastarspring.webflux;

import org.jspecify.annotations.NullMarked;
