package io.herald.ingest.routes;

import io.herald.events.Json;
import io.herald.events.Topics;
import io.herald.ingest.Intake;
import io.herald.ingest.PostLedger;
import io.herald.support.Props;
import org.apache.camel.Exchange;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.model.ProcessorDefinition;

/**
 * The one way an accepted post reaches {@code herald.posts.raw}, for every source: its outcome is put
 * on the exchange, the record is written (the broker acknowledges it, {@code acks=all}), and only then
 * is it noted in the ledger that answers "unchanged".
 */
final class RawPosts {

    private final PostLedger ledger;

    RawPosts(PostLedger ledger) {
        this.ledger = ledger;
    }

    /** Puts an accepted post on the exchange: its id, hash and whether it is unchanged, and its record as the message. */
    static void remember(Exchange exchange, Intake.Outcome outcome) {
        Props.UNCHANGED.set(exchange, outcome.unchanged());
        Props.POST_ID.set(exchange, outcome.post().id());
        Props.CONTENT_HASH.set(exchange, outcome.post().contentHash());
        exchange.getMessage().setHeader(KafkaConstants.KEY, outcome.post().id());
        exchange.getMessage().setBody(Json.write(outcome.post()));
    }

    /** Appends the write, then the ledger entry, to a route whose message is a remembered post. */
    ProcessorDefinition<?> write(ProcessorDefinition<?> route) {
        return route.to("kafka:" + Topics.POSTS_RAW.name())
                .process(e -> ledger.record(Props.POST_ID.get(e), Props.CONTENT_HASH.get(e)));
    }
}
