/**
 * Datastar for Spring Boot: the auto-configuration of the protocol core, the {@code datastar.*}
 * properties and the {@link io.github.datastarspring.DatastarSignals @DatastarSignals} annotation.
 */
@NullMarked
package io.github.datastarspring;

import org.jspecify.annotations.NullMarked;
