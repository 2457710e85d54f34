package io.herald.ingest.routes;

import io.herald.ingest.FeedFetcher;
import io.herald.ingest.FeedReader;
import io.herald.ingest.Intake;
import io.herald.ingest.FeedHealth;
import io.herald.ingest.PostLedger;
import java.io.IOException;
import java.time.Instant;
import io.herald.support.Props;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import io.herald.ingest.FeedBacklog;
import io.herald.ingest.RejectedPost;
import io.herald.support.Failures;
import io.herald.support.Hashes;
import io.herald.support.Masking;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code ingest-feeds}: polls the configured upstream RSS/Atom feeds; every new or changed entry
 * becomes a post. No entry is ingested twice, across restarts too: an entry's id is its link and
 * the ledger (rebuilt from {@code herald.posts.raw}) knows which content each id already has.
 * Conditional GETs keep the polling cheap for the upstream.
 */
public final class FeedPollRoute extends RouteBuilder {

    private static final String BACKLOG_CUTOFF = "heraldBacklogCutoff";

    private final List<String> feeds;
    private final Duration period;
    private final Intake intake;
    private final RawPosts raw;
    private final FeedFetcher fetcher;
    private final FeedReader reader = new FeedReader();

    private final FeedHealth health;
    /** Per feed, the hash of the last document that could not be read. */
    private final Map<String, String> brokenBodies = new ConcurrentHashMap<>();
    private final FeedBacklog backlog;

    public FeedPollRoute(List<String> feeds, Duration period, Intake intake, PostLedger ledger, FeedFetcher fetcher, FeedHealth health) {
        this.health = health;
        this.feeds = List.copyOf(feeds);
        this.period = period;
        this.intake = intake;
        this.raw = new RawPosts(ledger);
        this.backlog = new FeedBacklog(ledger);
        this.fetcher = fetcher;
    }

    /**
     * One route, and so one timer thread, per feed ({@code ingest-feeds-1}, {@code ingest-feeds-2}, ...): a
     * slow or hanging upstream holds up only its own polling, never another feed's, and each fetch has a
     * deadline of its own ({@link FeedFetcher#DEADLINE}).
     */
    @Override
    public void configure() {
        for (int i = 0; i < feeds.size(); i++) {
            String url = feeds.get(i);
            var fresh = from("timer:ingest-feeds-" + (i + 1) + "?delay=0&period=" + period.toMillis())
                    .routeId("ingest-feeds-" + (i + 1))
                    .routeConfigurationId(IngestErrorPolicy.FEEDS)
                    .setProperty(Props.SOURCE.name(), constant("feed:" + url))
                    .setProperty(IngestProps.FEED_URL.name(), constant(url))
                    .process(this::fetch)
                    .split(body())
                        .process(this::accept)
                        .filter(Props.UNCHANGED.is(false));
            raw.write(fresh)
                    .log(LoggingLevel.INFO, "Ingested ${exchangeProperty." + IngestProps.POST_ID.name() + "} from "
                            + Masking.url(url))
                    .end().end();
        }
    }

    private void fetch(Exchange exchange) throws Exception {
        String url = IngestProps.FEED_URL.get(exchange);
        if (!health.due(url, Instant.now())) {
            exchange.getMessage().setBody(List.of()); // backing off after failures
            return;
        }
        byte[] xml;
        try {
            xml = fetcher.fetch(url);
        } catch (IOException e) {
            String reason = Failures.describe(e);
            Duration wait = health.failed(url, reason, Instant.now());
            throw new IOException(reason + " (next try in " + wait.toSeconds() + " s)", e);
        }
        if (xml == null) {
            health.ok(url);
            exchange.getMessage().setBody(List.of()); // 304: nothing new upstream
            return;
        }
        Props.ORIGINAL.set(exchange, xml);
        List<FeedReader.Entry> entries;
        String body = Hashes.sha256(xml);
        try {
            entries = Intake.readable("feed", () -> reader.read(xml, url));
            brokenBodies.remove(url);
            health.ok(url);
        } catch (RejectedPost e) {
            health.failed(url, e.getMessage(), Instant.now());
            // The same broken document again is the same failure: it is in the DLQ once (with its body),
            // and counted in the feed's health, not written again at every poll.
            if (body.equals(brokenBodies.put(url, body))) {
                exchange.getMessage().setBody(List.of());
                return;
            }
            throw e;
        }
        // Decided once per read, before any entry is written: after the first write the feed is no longer new.
        exchange.setProperty(BACKLOG_CUTOFF, backlog.cutoff(url, Instant.now()));
        exchange.getMessage().setBody(entries);
    }

    private void accept(Exchange exchange) {
        FeedReader.Entry entry = exchange.getMessage().getBody(FeedReader.Entry.class);
        Props.ORIGINAL.set(exchange, entry.html().getBytes(StandardCharsets.UTF_8));
        Intake.Outcome outcome = intake.acceptParsed(entry.post(), entry.html(), "text/html",
                FeedBacklog.source(IngestProps.FEED_URL.get(exchange)), entry.contentHash());
        @SuppressWarnings("unchecked")
        Optional<Instant> cutoff = exchange.getProperty(BACKLOG_CUTOFF, Optional.class);
        if (cutoff != null && FeedBacklog.isBacklog(cutoff, entry.post().published())) {
            outcome = new Intake.Outcome(outcome.post().toBuilder().backlog(true).build(), outcome.unchanged());
        }
        if (!entry.aliases().isEmpty()) {
            outcome = new Intake.Outcome(outcome.post().toBuilder().aliases(entry.aliases()).build(), outcome.unchanged());
        }
        RawPosts.remember(exchange, outcome);
    }
}
