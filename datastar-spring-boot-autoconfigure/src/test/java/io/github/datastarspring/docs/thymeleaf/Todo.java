package io.github.datastarspring.docs.thymeleaf;

/** A to-do of docs/thymeleaf.md. */
record Todo(long id, String title) {

}
