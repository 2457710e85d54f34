package io.herald.support;

/** Failures said in words, for logs, health and delivery states. */
public final class Failures {

    private Failures() {
    }

    /** A failure said in words, also when the exception has no message (a refused connection). */
    public static String describe(Throwable e) {
        String message = e.getMessage();
        String name = e.getClass().getSimpleName();
        return message == null || message.isBlank() ? name : name + ": " + message;
    }
}
