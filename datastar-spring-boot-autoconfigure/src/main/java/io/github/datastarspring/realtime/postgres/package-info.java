/**
 * The {@link io.github.datastarspring.realtime.DatastarEventLog} on PostgreSQL: every instance of
 * an application shares its topics, ids and replay through one database.
 */
@NullMarked
package io.github.datastarspring.realtime.postgres;

import org.jspecify.annotations.NullMarked;
