/**
 * The code of docs/webflux.md, run by {@code CounterControllerWebFluxTests} and
 * {@code WebFluxDocsTests}.
 */
@NullMarked
package io.github.datastarspring.docs.webflux;

import org.jspecify.annotations.NullMarked;
