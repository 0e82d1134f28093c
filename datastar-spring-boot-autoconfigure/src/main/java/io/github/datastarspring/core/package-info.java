/**
 * The protocol core, with no web types: events and their encoder, the one event stream type
 * ({@link io.github.datastarspring.core.DatastarEventStream}), sinks, compression and stream
 * observation contracts.
 */
@NullMarked
package io.github.datastarspring.core;

import org.jspecify.annotations.NullMarked;
