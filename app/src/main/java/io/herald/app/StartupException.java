package io.herald.app;

/** Herald cannot start; the message is one line a person can act on. */
public final class StartupException extends RuntimeException {
    public StartupException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
