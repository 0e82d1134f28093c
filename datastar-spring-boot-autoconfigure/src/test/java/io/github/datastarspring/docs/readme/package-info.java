/**
 * The code of README.md, run by {@code ReadmeTests}.
 */
@NullMarked
package io.github.datastarspring.docs.readme;

import org.jspecify.annotations.NullMarked;
