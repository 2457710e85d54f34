package io.herald.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.support.Settings;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Out of the box Herald answers this machine only; listening on the network without a token stops it. */
class SecureDefaultsTest {

    @TempDir
    Path dir;

    @Test
    void out_of_the_box_herald_listens_on_loopback_only() {
        Settings defaults = Settings.of(Map.of());
        assertEquals("127.0.0.1", defaults.host());
        assertTrue(defaults.loopbackOnly());
        assertTrue(defaults.outboundAllow().toString().isEmpty(), "no internal address is reachable by default");
    }

    @Test
    void listening_on_every_interface_without_a_token_stops_herald_saying_how_to_set_one() {
        Settings open = Settings.of(Map.of("host", "0.0.0.0", "port", ItSupport.freePort(), "data-dir", dir.resolve("d"),
                "inbox", dir.resolve("i"), "out", dir.resolve("o")));
        StartupException e = assertThrows(StartupException.class, () -> Herald.start(open, Stage.all()));
        assertTrue(e.getMessage().contains("--api-token") && e.getMessage().contains("HERALD_API_TOKEN")
                && e.getMessage().contains("0.0.0.0"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), "one line");
    }

    @Test
    void a_post_limit_no_broker_could_carry_is_refused_at_start() {
        var e = assertThrows(IllegalArgumentException.class, () -> Settings.of(Map.of("max-post-bytes", 64L << 20)));
        assertTrue(e.getMessage().contains("max-post-bytes"), e.getMessage());
    }
}
