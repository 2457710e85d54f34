package io.herald.ingest.routes;

import io.herald.events.Json;
import io.herald.events.Topics;
import io.herald.ingest.FeedFetcher;
import io.herald.ingest.FeedReader;
import io.herald.ingest.Intake;
import io.herald.ingest.PostLedger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;

/**
 * {@code ingest-feeds}: polls the configured upstream RSS/Atom feeds; every new or changed entry
 * becomes a post. No entry is ingested twice, across restarts too: an entry's id is its link and
 * the ledger (rebuilt from {@code herald.posts.raw}) knows which content each id already has.
 * Conditional GETs keep the polling cheap for the upstream.
 */
public final class FeedPollRoute extends RouteBuilder {

    private final List<String> feeds;
    private final Duration period;
    private final Intake intake;
    private final PostLedger ledger;
    private final FeedFetcher fetcher;
    private final FeedReader reader = new FeedReader();

    public FeedPollRoute(List<String> feeds, Duration period, Intake intake, PostLedger ledger, FeedFetcher fetcher) {
        this.feeds = List.copyOf(feeds);
        this.period = period;
        this.intake = intake;
        this.ledger = ledger;
        this.fetcher = fetcher;
    }

    @Override
    public void configure() {
        from("timer:ingest-feeds?delay=0&period=" + period.toMillis())
                .routeId("ingest-feeds")
                .routeConfigurationId(IngestErrorPolicy.FEEDS)
                .setBody(constant(feeds))
                .split(body())
                    .setProperty(IngestErrorPolicy.SOURCE, simple("feed:${body}"))
                    .setProperty("heraldFeedUrl", body())
                    .process(this::fetch)
                    .split(body())
                        .process(this::accept)
                        .filter(exchangeProperty("heraldUnchanged").isEqualTo(false))
                            .to("kafka:" + Topics.POSTS_RAW.name())
                            .process(e -> ledger.record(e.getProperty("heraldId", String.class),
                                    e.getProperty("heraldHash", String.class)))
                            .log(LoggingLevel.INFO, "Ingested ${exchangeProperty.heraldId} from ${exchangeProperty.heraldFeedUrl}")
                        .end()
                    .end()
                .end();
    }

    private void fetch(Exchange exchange) throws Exception {
        String url = exchange.getProperty("heraldFeedUrl", String.class);
        byte[] xml = fetcher.fetch(url);
        if (xml == null) {
            exchange.getMessage().setBody(List.of()); // 304: nothing new upstream
            return;
        }
        exchange.setProperty(IngestErrorPolicy.ORIGINAL, xml);
        exchange.getMessage().setBody(Intake.readable("feed", () -> reader.read(xml, url)));
    }

    private void accept(Exchange exchange) {
        FeedReader.Entry entry = exchange.getMessage().getBody(FeedReader.Entry.class);
        exchange.setProperty(IngestErrorPolicy.ORIGINAL, entry.html().getBytes(StandardCharsets.UTF_8));
        Intake.Outcome outcome = intake.acceptParsed(entry.post(), entry.html(), "text/html",
                "feed:" + exchange.getProperty("heraldFeedUrl", String.class), entry.contentHash());
        exchange.setProperty("heraldUnchanged", outcome.unchanged());
        exchange.setProperty("heraldId", outcome.post().id());
        exchange.setProperty("heraldHash", outcome.post().contentHash());
        exchange.getMessage().setHeader(KafkaConstants.KEY, outcome.post().id());
        exchange.getMessage().setBody(Json.write(outcome.post()));
    }
}
