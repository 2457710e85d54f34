package io.herald.publish;

import io.herald.events.EnrichedPost;
import io.herald.events.Topics;
import io.herald.events.UnusableRecord;
import io.herald.support.BoundedCache;
import io.herald.support.KafkaEndpoints;
import io.herald.support.Props;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.kafka.KafkaConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The records of {@code herald.posts.enriched} as a publish process reads them: each parsed and made
 * safe ({@link SafeContent}) once, however many of its consumers (the store, newsletters, social)
 * read it. The first consumer to reach a record parses it; the others find it here, by partition and
 * offset, while it is among the recent ones (a budget of bytes, not a count).
 */
public final class EnrichedRecords {

    private static final Logger LOG = LoggerFactory.getLogger(EnrichedRecords.class);

    private record Safe(EnrichedPost post, long weight) {
    }

    private final BoundedCache<String, Safe> recent;
    private final AtomicLong parsed = new AtomicLong();
    private final TagControls tags;

    public EnrichedRecords(TagControls tags) {
        this(32L << 20, tags);
    }

    EnrichedRecords(long budgetBytes, TagControls tags) {
        this.recent = new BoundedCache<>(budgetBytes, (key, safe) -> safe.weight());
        this.tags = tags;
    }

    /**
     * A consumer's first step: the body becomes the record's post, made safe and with the tags
     * marketers decided on ({@link TagControls}), or {@code null} for a tombstone; its bytes stay as {@link Props#ORIGINAL}. An unreadable record is refused (to the DLQ,
     * by the consumer that owns that) or, for the others, logged and passed over.
     */
    public Processor typed(boolean refuseUnreadable) {
        return exchange -> {
            byte[] value = exchange.getMessage().getBody(byte[].class);
            Props.ORIGINAL.set(exchange, value);
            try {
                exchange.getMessage().setBody(value == null ? null : tags.served(safe(exchange, value)));
            } catch (UnusableRecord e) {
                if (refuseUnreadable) {
                    throw e;
                }
                LOG.warn("Skipping an unreadable record for post {}: {}", exchange.getMessage().getHeader(KafkaConstants.KEY),
                        e.getMessage());
                exchange.setRouteStop(true);
            }
        };
    }

    /**
     * A later step: the post in the message gets the tags as marketers decided them now (a decision may
     * have come while it waited out the hold).
     */
    public Processor asDecidedNow() {
        return exchange -> exchange.getMessage().setBody(tags.served(exchange.getMessage().getBody(EnrichedPost.class)));
    }

    private EnrichedPost safe(Exchange exchange, byte[] value) {
        Object partition = exchange.getMessage().getHeader(KafkaConstants.PARTITION);
        Object offset = exchange.getMessage().getHeader(KafkaConstants.OFFSET);
        if (partition == null || offset == null) {
            return parse(value).post();
        }
        return recent.computeIfAbsent(partition + ":" + offset, k -> parse(value)).post();
    }

    private Safe parse(byte[] value) {
        parsed.incrementAndGet();
        EnrichedPost post = UnusableRecord.whileProcessing(() -> SafeContent.of(KafkaEndpoints.deserialize(Topics.POSTS_ENRICHED, value)));
        // What a parsed post holds on the heap: about twice its JSON (text as UTF-16), and the record itself.
        return new Safe(post, 2L * value.length + 256);
    }

    /** How many records this process has parsed and made safe (each once while recent). */
    public long parsed() {
        return parsed.get();
    }
}
