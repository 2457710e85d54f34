package io.herald.transform;

import io.herald.events.RawPost;
import io.herald.events.Topics;
import io.herald.support.Settings;
import io.herald.support.TopicReplay;
import io.herald.transform.routes.EnrichRoute;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.herald.events.QaPair;
import java.time.Instant;
import java.util.Map;

/**
 * The transform stage: {@code herald.posts.raw} in, {@code herald.posts.enriched} out, rejects to
 * {@code herald.dlq}. Call {@link #rebuild(String)} before the routes start, so versions continue
 * where they stopped.
 */
public final class TransformStage {

    private static final Logger LOG = LoggerFactory.getLogger(TransformStage.class);

    private final VersionLedger ledger = new VersionLedger();
    private final Pipeline pipeline;

    private final Map<String, String> clientProperties;

    /** The stage with the settings' minor-edit threshold: the largest share of words an edit may change and still be a typo fix. */
    public TransformStage(Settings settings) {
        this.clientProperties = settings.kafkaProperties();
        this.pipeline = new Pipeline(ledger, Clock.systemUTC(), settings.minorEditThreshold());
    }

    /**
     * Runs a small post through a throwaway pipeline, so the first real post does not pay for loading
     * what enrichment needs (dictionaries, language profiles) and compiling the steps (a second or
     * two). Needs no broker.
     */
    public static void warmUp() {
        RawPost sample = RawPost.builder().id("warm-up").source("warm-up").contentType("text/plain").body("")
                .receivedAt(Instant.EPOCH).contentHash("warm-up").title("Warming up").intro("A short intro to warm up.")
                .qa(List.of(new QaPair("Is this a question?", "Yes, and this is its answer."))).build();
        new Pipeline(new VersionLedger(), Clock.systemUTC()).process(sample);
    }

    public void rebuild(String bootstrapServers) {
        long n = TopicReplay.replayEvents(bootstrapServers, clientProperties, Topics.POSTS_ENRICHED, Duration.ofMinutes(5), (id, post) -> {
            if (id != null && post == null) {
                ledger.forget(id);
            } else if (post != null) {
                ledger.record(post);
            }
        });
        LOG.info("Transform knows {} posts ({} records replayed)", ledger.size(), n);
    }

    public List<RouteBuilder> routes() {
        return List.of(new EnrichRoute(pipeline));
    }
}
