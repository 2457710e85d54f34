package io.herald.support;

import java.io.IOException;

/** Failures said in words, for logs, health and delivery states. */
public final class Failures {

    private Failures() {
    }

    /**
     * A failure said in words, also when the exception has no message (a refused connection): the
     * message, after the exception's name unless it is a plain {@code IOException} whose message
     * says it all ("the webhook answered HTTP 503").
     */
    public static String describe(Throwable e) {
        String message = e.getMessage();
        String name = e.getClass().getSimpleName();
        if (message == null || message.isBlank()) {
            return name;
        }
        return e.getClass() == IOException.class ? message : name + ": " + message;
    }
}
