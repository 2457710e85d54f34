package io.herald.support;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Outbound requests never reach loopback, private or link-local addresses unless outbound-allow lists them. */
class OutboundPolicyTest {

    @Test
    void internal_addresses_are_refused_by_default() {
        OutboundPolicy policy = OutboundPolicy.publicOnly();
        for (String url : List.of("http://127.0.0.1:9000/", "http://localhost/", "http://10.1.2.3/", "http://192.168.1.1/",
                "http://172.16.0.1/", "http://169.254.169.254/latest/meta-data/", "http://[::1]/", "http://[fd00::1]/",
                "http://[::ffff:127.0.0.1]/", "http://0.0.0.0/", "http://100.64.0.1/", "file:///etc/passwd", "gopher://127.0.0.1/")) {
            var e = assertThrows(OutboundPolicy.Refused.class, () -> policy.check(URI.create(url)), url);
            assertTrue(e.getMessage().contains("outbound-allow") || e.getMessage().contains("http and https"), e.getMessage());
        }
    }

    @Test
    void outbound_allow_opens_exactly_what_it_lists() throws Exception {
        OutboundPolicy policy = OutboundPolicy.parse(List.of("127.0.0.1:9000", "10.1.0.0/16", "localhost"));
        assertDoesNotThrow(() -> policy.check(URI.create("http://127.0.0.1:9000/feed")));
        assertThrows(OutboundPolicy.Refused.class, () -> policy.check(URI.create("http://127.0.0.1:9001/feed")), "another port");
        assertDoesNotThrow(() -> policy.check(URI.create("http://10.1.200.3/hook")));
        assertThrows(OutboundPolicy.Refused.class, () -> policy.check(URI.create("http://10.2.0.1/hook")), "outside the block");
        assertDoesNotThrow(() -> policy.check(URI.create("http://localhost:1234/")));
        assertTrue(OutboundPolicy.internal(InetAddress.getByName("169.254.1.1")));
        assertTrue(!OutboundPolicy.internal(InetAddress.getByName("93.184.216.34")));
    }

    @Test
    void an_entry_that_is_not_a_host_port_or_block_is_refused_naming_it() {
        var e = assertThrows(IllegalArgumentException.class, () -> OutboundPolicy.parse(List.of("10.0.0.0/99")));
        assertTrue(e.getMessage().contains("10.0.0.0/99"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> OutboundPolicy.parse(List.of("host:notaport")));
    }
}
