/**
 * The code of docs/getting-started.md, run by {@code GettingStartedTests}; the newcomer test
 * (scripts/newcomer-test) builds a new application from the same text.
 */
@NullMarked
package io.github.datastarspring.docs.gettingstarted;

import org.jspecify.annotations.NullMarked;
