/**
 * Spring AOT support: the reflection a native image needs for what the starter reflects on. Found
 * through {@code META-INF/spring/aot.factories}; nothing here runs in a normal JVM application.
 */
@NullMarked
package io.github.datastarspring.aot;

import org.jspecify.annotations.NullMarked;
