/**
 * The code of docs/mvc.md, run by {@code MvcDocsTests}.
 */
@NullMarked
package io.github.datastarspring.docs.mvc;

import org.jspecify.annotations.NullMarked;
