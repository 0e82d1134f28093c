/**
 * Thymeleaf integration: template rendering for patches and the Datastar dialect.
 */
@NullMarked
package io.github.datastarspring.thymeleaf;

import org.jspecify.annotations.NullMarked;
