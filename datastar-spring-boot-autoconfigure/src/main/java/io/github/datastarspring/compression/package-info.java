/**
 * Compression of Datastar responses: Brotli (through the optional brotli4j) and gzip (the JDK's
 * {@code Deflater}), negotiated from {@code Accept-Encoding}, one compressor per stream so that a
 * fat-morph stream compresses against the events before it, flushed after every chunk so that each
 * event decodes as it arrives.
 */
@NullMarked
package io.github.datastarspring.compression;

import org.jspecify.annotations.NullMarked;
