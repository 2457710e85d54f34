package io.herald.events;

import java.util.concurrent.Callable;

/**
 * A consumed record that a stage cannot use (unreadable, or its processing failed on its content).
 * Only this goes to {@code herald.dlq}, and the consumer moves on. Any other failure, above all a
 * failure to write the stage's output, is not the record's fault: the record is tried again and is
 * never committed past.
 */
public final class UnusableRecord extends RuntimeException {

    public UnusableRecord(String reason, Throwable cause) {
        super(reason, cause);
    }

    /** Runs the processing of one record; whatever it throws makes the record unusable, with the cause's message. */
    public static <T> T whileProcessing(Callable<T> work) {
        try {
            return work.call();
        } catch (UnusableRecord e) {
            throw e;
        } catch (Exception | StackOverflowError e) {
            throw new UnusableRecord(String.valueOf(e.getMessage()), e);
        }
    }

    /** As {@link #whileProcessing(java.util.concurrent.Callable)}, for work without a result. */
    public static void whileProcessing(Work work) {
        whileProcessing(() -> {
            work.run();
            return null;
        });
    }

    @FunctionalInterface
    public interface Work {
        void run() throws Exception;
    }
}
