/**
 * The code of docs/thymeleaf.md, run by {@code ThymeleafDocsTests}.
 */
@NullMarked
package io.github.datastarspring.docs.thymeleaf;

import org.jspecify.annotations.NullMarked;
