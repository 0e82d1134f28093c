/**
 * Plumbing shared by the stacks, not API: the stream engine, its transport contract and the
 * per-application stream support. May change in any release.
 */
@NullMarked
package io.github.datastarspring.core.internal;

import org.jspecify.annotations.NullMarked;
