package io.herald.testkit;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.Arrays;

/**
 * A peer too slow to wait for: writes bytes one at a time, one every interval, on a scheduler (no
 * thread sleeps). Slow upstream feeds, slow webhook receivers and slow clients in the tests are made
 * with it; the test then checks that Herald gives up on them in time.
 */
public final class Trickle {

    private static final ScheduledExecutorService SCHEDULER = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "trickle");
        t.setDaemon(true);
        return t;
    });

    private Trickle() {
    }

    /**
     * Starts writing {@code bytes} to {@code out}, the first at once and then one per {@code interval}.
     * It stops after the last byte, as soon as {@code stop} says so, or when the other side has gone
     * (the write fails); then {@code whenDone} (may be null) is closed.
     */
    public static ScheduledFuture<?> bytes(OutputStream out, byte[] bytes, Duration interval, BooleanSupplier stop, Closeable whenDone) {
        AtomicInteger next = new AtomicInteger();
        AtomicReference<ScheduledFuture<?>> self = new AtomicReference<>();
        Runnable step = () -> {
            boolean done;
            try {
                done = next.get() >= bytes.length || stop.getAsBoolean();
                if (!done) {
                    out.write(bytes[next.getAndIncrement()]);
                    out.flush();
                }
            } catch (IOException | RuntimeException gone) {
                done = true;
            }
            if (done) {
                closeQuietly(whenDone);
                ScheduledFuture<?> me = self.get();
                if (me != null) {
                    me.cancel(false);
                }
            }
        };
        ScheduledFuture<?> task = SCHEDULER.scheduleAtFixedRate(step, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        self.set(task);
        return task;
    }

    /** The same byte, {@code count} times. */
    public static byte[] repeat(char c, int count) {
        byte[] b = new byte[count];
        Arrays.fill(b, (byte) c);
        return b;
    }

    private static void closeQuietly(Closeable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (IOException ignored) {
            // already gone
        }
    }
}
