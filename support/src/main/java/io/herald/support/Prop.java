package io.herald.support;

import org.apache.camel.Exchange;
import org.apache.camel.Predicate;

/**
 * An exchange property with its name and type, so a route cannot read as {@code String} what
 * another wrote as {@code byte[]}. Every property Herald's routes use is one of {@link Props}.
 */
public record Prop<T>(String name, Class<T> type) {

    public T get(Exchange exchange) {
        return exchange.getProperty(name, type);
    }

    public void set(Exchange exchange, T value) {
        exchange.setProperty(name, value);
    }

    /** For route conditions: the property holds {@code value}. */
    public Predicate is(T value) {
        return exchange -> value.equals(get(exchange));
    }
}
