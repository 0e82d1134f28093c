/**
 * Tests of the Spring AOT support.
 */
@NullMarked
package io.github.datastarspring.aot;

import org.jspecify.annotations.NullMarked;
