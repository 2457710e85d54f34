package io.herald.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The webhook signatures received within their window, so a captured request sent again is refused.
 * A signature older than the window is refused by its time anyway, so entries older than it are dropped;
 * the number kept is bounded (each entry is a short string), oldest dropped first.
 */
public final class SeenSignatures {

    /** At ~100 bytes an entry, a few MB at most, whatever the rate of requests. */
    static final int MAX = 50_000;

    private final Duration window;
    private final LinkedHashMap<String, Instant> seen = new LinkedHashMap<>();

    public SeenSignatures(Duration window) {
        this.window = window;
    }

    /** Whether this is the first time the signature is seen (and now it is). */
    public synchronized boolean first(String signature, Instant now) {
        for (Iterator<Map.Entry<String, Instant>> it = seen.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Instant> e = it.next();
            if (e.getValue().isAfter(now.minus(window)) && seen.size() < MAX) {
                break;
            }
            it.remove();
        }
        String key = signature.strip();
        if (seen.containsKey(key)) {
            return false;
        }
        seen.put(key, now);
        return true;
    }

    /** The request was not taken after all: Ghost's retry with the same signature may come in. */
    public synchronized void forget(String signature) {
        seen.remove(signature.strip());
    }
}
