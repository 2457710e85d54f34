package io.herald.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A failing upstream feed is said to be failing, with its reason, and tried less and less often. */
class FeedHealthTest {

    static final Instant T = Instant.parse("2026-03-01T09:00:00Z");
    static final String URL = "https://upstream.example/feed.xml";

    @Test
    void failures_back_off_doubling_up_to_an_hour_and_a_success_resets() {
        FeedHealth health = new FeedHealth(Duration.ofMinutes(5));
        assertTrue(health.due(URL, T));
        assertEquals(Duration.ofMinutes(5), health.failed(URL, "ConnectException", T));
        assertFalse(health.due(URL, T.plusSeconds(60)), "backing off");
        assertTrue(health.due(URL, T.plus(Duration.ofMinutes(5))));
        assertEquals(Duration.ofMinutes(10), health.failed(URL, "ConnectException", T));
        assertEquals(Duration.ofMinutes(20), health.failed(URL, "ConnectException", T));
        for (int i = 0; i < 10; i++) {
            health.failed(URL, "ConnectException", T);
        }
        assertEquals(Duration.ofHours(1), health.failed(URL, "ConnectException", T), "at most an hour");
        health.ok(URL);
        assertTrue(health.due(URL, T));
        assertEquals("UP", health.states().get(URL));
    }

    @Test
    void the_state_names_the_reason_also_when_the_exception_has_no_message() {
        FeedHealth health = new FeedHealth(Duration.ofMinutes(5));
        health.failed(URL, io.herald.support.Failures.describe(new ConnectException()), T);
        String state = health.states().get(URL);
        assertTrue(state.startsWith("DOWN (ConnectException; 1 failure in a row, next try at 2026-03-01T09:05:00Z"), state);
    }
}
