package io.herald.ingest;

import io.herald.events.Json;
import io.herald.events.RawPost;
import io.herald.events.TopicReplay;
import io.herald.events.Topics;
import io.herald.ingest.routes.HttpIngestRoute;
import io.herald.ingest.routes.InboxRoute;
import io.herald.ingest.routes.IngestErrorPolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest stage: every source's route, writing accepted posts to {@code herald.posts.raw} and
 * rejects to {@code herald.dlq}. Call {@link #rebuild(String)} before the routes start.
 */
public final class IngestStage {

    private static final Logger LOG = LoggerFactory.getLogger(IngestStage.class);

    private final PostLedger ledger = new PostLedger();
    private final Intake intake;
    private final Optional<String> apiToken;

    public IngestStage(long maxBytes, Optional<String> apiToken) {
        this.intake = new Intake(Clock.systemUTC(), maxBytes, ledger);
        this.apiToken = apiToken.filter(t -> !t.isBlank());
    }

    /** Learns what was already accepted, so repeats answer {@code unchanged} across restarts. */
    public void rebuild(String bootstrapServers) {
        long n = TopicReplay.replay(bootstrapServers, Topics.POSTS_RAW, Duration.ofMinutes(5), (id, value) -> {
            if (id != null && value != null) {
                try {
                    ledger.record(id, Json.read(value, RawPost.class).contentHash());
                } catch (IllegalArgumentException e) {
                    LOG.warn("Skipping an unreadable record for post {} in {}: {}", id, Topics.POSTS_RAW, e.getMessage());
                }
            }
        });
        LOG.info("Ingest knows {} posts ({} records replayed)", ledger.size(), n);
    }

    public List<RouteConfigurationBuilder> routeConfigurations() {
        return List.of(new IngestErrorPolicy());
    }

    public List<RouteBuilder> routes() {
        return List.of(new HttpIngestRoute(intake, ledger, apiToken), new InboxRoute(intake, ledger));
    }
}
