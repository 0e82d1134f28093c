/**
 * The code of docs/realtime.md, run by {@code RealtimeDocsTests}.
 */
@NullMarked
package io.github.datastarspring.docs.realtime;

import org.jspecify.annotations.NullMarked;
