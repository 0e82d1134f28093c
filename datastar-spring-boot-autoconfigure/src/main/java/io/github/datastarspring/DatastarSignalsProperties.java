package io.github.datastarspring;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Reading signals sent by the browser.
 *
 * @param maxSize largest signals payload accepted (query parameter or body), in UTF-8 bytes on both
 * stacks; larger ones get 413
 */
@ConfigurationProperties("datastar.signals")
public record DatastarSignalsProperties(@DefaultValue("1MB") DataSize maxSize) {

}
