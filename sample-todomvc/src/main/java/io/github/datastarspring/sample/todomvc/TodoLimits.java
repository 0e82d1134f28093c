package io.github.datastarspring.sample.todomvc;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How large the store may grow: every change is sent as the whole list, so an unbounded list
 * would make every event, and every page's memory, grow without end.
 *
 * @param maxLists how many lists the store keeps
 * @param maxTodosPerList how many todos one list holds
 */
@ConfigurationProperties("todomvc")
public record TodoLimits(@DefaultValue("1000") int maxLists, @DefaultValue("500") int maxTodosPerList) {

}
