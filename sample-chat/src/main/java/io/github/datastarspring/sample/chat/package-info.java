/**
 * The chat sample: Spring Security form login, rooms as hub topics, direct messages through the
 * hub's per-user destinations, the room list through presence, errors as toasts.
 */
@NullMarked
package io.github.datastarspring.sample.chat;

import org.jspecify.annotations.NullMarked;
