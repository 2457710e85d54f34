package io.herald.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.PrimitiveIterator;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A broker left to choose its port never takes the one Herald has checked for HTTP and not yet bound. */
class BrokerPortTest {

    @Test
    void a_port_the_system_offers_that_http_is_about_to_take_is_passed_over() {
        PrimitiveIterator.OfInt offered = IntStream.of(33553, 33553, 41000).iterator();
        assertEquals(41000, EmbeddedKafka.freePortOtherThan(Set.of(33553), offered::nextInt));
    }

    @Test
    void a_system_that_offers_only_reserved_ports_is_an_error_not_a_hang() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> EmbeddedKafka.freePortOtherThan(Set.of(8080), () -> 8080));
        assertEquals("no free local port other than [8080]", e.getMessage());
    }

    /**
     * SecuredClusterIT failed once in a clean build: the SASL listener's port and the controller's were the
     * same (the system handed the port out again once its probe closed), and the broker refused to start.
     */
    @Test
    void the_ports_of_one_broker_are_never_the_same_even_when_the_system_offers_one_twice() {
        PrimitiveIterator.OfInt offered = IntStream.of(36879, 44125, 44125, 45001).iterator();
        int[] ports = EmbeddedKafka.distinctFreePorts(3, Set.of(), offered::nextInt);
        assertEquals(java.util.List.of(36879, 44125, 45001), java.util.Arrays.stream(ports).boxed().toList());
    }
}
