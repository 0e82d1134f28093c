/**
 * Datastar for Spring MVC: {@link io.github.datastarspring.mvc.DatastarEmitter}, one-shot answers,
 * signals parameters and error answers; a small non-blocking servlet transport for the core stream.
 */
@NullMarked
package io.github.datastarspring.mvc;

import org.jspecify.annotations.NullMarked;
