package io.herald.publish;

import io.herald.events.Json;
import io.herald.events.LedgerEntry;
import io.herald.events.Topics;
import io.herald.support.ConsumerGroups;
import io.herald.support.KafkaEndpoints;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;

/**
 * The ledger of what went out on each channel ({@code herald.ledger}): with a channel that sends (ActivityPub,
 * Bluesky) on, {@code publish-ledger} reads the whole topic (each instance under a group of its own) into the
 * {@link Ledger}, and entries are written here, from any sender thread.
 */
public final class LedgerRoute extends RouteBuilder implements Consumer<LedgerEntry> {

    private final Ledger ledger;
    private final boolean read;
    private ProducerTemplate template;

    /** @param read whether any channel that writes the ledger is on */
    public LedgerRoute(Ledger ledger, boolean read) {
        this.ledger = ledger;
        this.read = read;
    }

    @Override
    public void configure() {
        if (!read) {
            return;
        }
        from(KafkaEndpoints.from(Topics.LEDGER, ConsumerGroups.STORE_PREFIX + "ledger-" + UUID.randomUUID()).fromStartEveryTime().uri())
                .routeId("publish-ledger")
                .process(e -> {
                    String key = e.getMessage().getHeader(KafkaConstants.KEY, String.class);
                    byte[] value = e.getMessage().getBody(byte[].class);
                    try {
                        ledger.record(key, value == null ? null : Topics.LEDGER.read(value));
                    } catch (RuntimeException unreadable) {
                        // Herald's own record it cannot read (a newer Herald's?): passed over, not retried for ever.
                        log.warn("Passed over an unreadable ledger record for {}: {}", key, unreadable.getMessage());
                    }
                });
    }

    /** Writes an entry to the topic (waiting for the broker), then into this instance's ledger. */
    @Override
    public void accept(LedgerEntry entry) {
        template().sendBodyAndHeader(KafkaEndpoints.to(Topics.LEDGER), Json.write(entry), KafkaConstants.KEY, entry.key());
        ledger.record(entry.key(), entry);
    }

    private synchronized ProducerTemplate template() {
        if (template == null) {
            template = getContext().createProducerTemplate();
        }
        return template;
    }
}
