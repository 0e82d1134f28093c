/**
 * Tests that keep the documentation true: every code block of README.md and docs/ is a tagged region of
 * code compiled and tested here, every relative link resolves, and the code the docs show runs.
 */
@NullMarked
package io.github.datastarspring.docs;

import org.jspecify.annotations.NullMarked;
