/**
 * The real-time hub: topics, fan-out to streams, replay by event id, snapshots, coalescing and
 * overflow policies.
 */
@NullMarked
package io.github.datastarspring.realtime;

import org.jspecify.annotations.NullMarked;
