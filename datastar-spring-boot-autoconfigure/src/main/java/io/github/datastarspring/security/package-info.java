/**
 * Security for Datastar applications: cross-site request protection (with or without Spring
 * Security) and, when Spring Security is present, CSRF tokens carried as a signal, login and
 * access-denied answers the Datastar client acts on, and streams that end with their session.
 */
@NullMarked
package io.github.datastarspring.security;

import org.jspecify.annotations.NullMarked;
