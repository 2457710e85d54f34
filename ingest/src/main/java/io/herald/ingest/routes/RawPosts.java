package io.herald.ingest.routes;

import io.herald.support.KafkaEndpoints;
import io.herald.events.Json;
import io.herald.events.Topics;
import io.herald.ingest.Intake;
import io.herald.ingest.PostLedger;
import io.herald.support.Props;
import org.apache.camel.Exchange;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.model.ProcessorDefinition;
import io.herald.events.RawPost;
import io.herald.support.HttpAnswers;
import java.time.Instant;
import java.util.Map;

/**
 * The one way an accepted post reaches {@code herald.posts.raw}, for every source: its outcome is put
 * on the exchange, the record is written (the broker acknowledges it, {@code acks=all}), and only then
 * is it noted in the ledger that answers "unchanged".
 */
final class RawPosts {

    private static final String SOURCE_UPDATED = "heraldSourceUpdatedAt";
    private static final String RECORD = "heraldRawPost";
    private static final String WITHDRAWN_BY = "heraldWithdrawnBy";

    private static final String WITHDRAWN_BY_HEADER = PostLedger.WITHDRAWN_BY_HEADER;

    private final PostLedger ledger;

    RawPosts(PostLedger ledger) {
        this.ledger = ledger;
    }

    /** Puts an accepted post on the exchange: its id, hash and whether it is unchanged, and its record as the message. */
    static void remember(Exchange exchange, Intake.Outcome outcome) {
        Props.UNCHANGED.set(exchange, outcome.unchanged());
        IngestProps.POST_ID.set(exchange, outcome.post().id());
        IngestProps.CONTENT_HASH.set(exchange, outcome.post().contentHash());
        exchange.setProperty(SOURCE_UPDATED, outcome.post().sourceUpdatedAt());
        exchange.setProperty(RECORD, outcome.post());
        exchange.getMessage().setHeader(KafkaConstants.KEY, outcome.post().id());
        exchange.getMessage().setBody(Json.write(outcome.post()));
    }

    /** Puts a deletion on the exchange: the post's tombstone (its id as key, no value) as the message. */
    static void tombstone(Exchange exchange, String id) {
        tombstone(exchange, id, null);
    }

    /**
     * As {@link #tombstone(Exchange, String)}, for a post its own CMS withdrew: the tombstone says which
     * ({@link #WITHDRAWN_BY_HEADER}), so the post stays withdrawn, whatever other source offers it, until
     * that CMS publishes it again (after restarts too: raw keeps its tombstones).
     */
    static void tombstone(Exchange exchange, String id, String withdrawnBy) {
        Props.DELETED.set(exchange, id);
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(KafkaConstants.KEY, id);
        if (withdrawnBy != null) {
            exchange.setProperty(WITHDRAWN_BY, withdrawnBy);
            exchange.getMessage().setHeader(WITHDRAWN_BY_HEADER, withdrawnBy);
        }
        exchange.getMessage().setBody(null);
    }

    /** Appends the tombstone's write, then forgets the post, then answers 202 "deleted". */
    ProcessorDefinition<?> delete(ProcessorDefinition<?> route) {
        return route.to(KafkaEndpoints.to(Topics.POSTS_RAW))
                .process(e -> {
                    ledger.forget(Props.DELETED.get(e));
                    String cms = e.getProperty(WITHDRAWN_BY, String.class);
                    if (cms != null) {
                        ledger.withdrawnBy(Props.DELETED.get(e), cms);
                    }
                })
                .process(e -> accepted(e, Map.of("id", Props.DELETED.get(e), "status", "deleted")));
    }

    /** The 202 every write endpoint answers once Kafka has what it sent. */
    static void accepted(Exchange exchange, Map<String, String> body) {
        HttpAnswers.json(exchange, 202, body);
    }

    /** Appends the write, then the ledger entry, to a route whose message is a remembered post. */
    ProcessorDefinition<?> write(ProcessorDefinition<?> route) {
        return route.to(KafkaEndpoints.to(Topics.POSTS_RAW))
                .process(e -> {
                    RawPost post = e.getProperty(RECORD, RawPost.class);
                    if (post != null) {
                        ledger.record(post);
                    } else {
                        ledger.record(IngestProps.POST_ID.get(e), IngestProps.CONTENT_HASH.get(e), Props.SOURCE.get(e),
                                e.getProperty(SOURCE_UPDATED, Instant.class));
                    }
                });
    }
}
