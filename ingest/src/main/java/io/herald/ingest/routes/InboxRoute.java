package io.herald.ingest.routes;

import io.herald.events.Json;
import io.herald.events.Topics;
import io.herald.ingest.Intake;
import io.herald.ingest.PostLedger;
import io.herald.ingest.RejectedPost;
import java.util.Locale;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;

/**
 * The watched folder: a file dropped into {@code --inbox} becomes a post, recognized by its
 * extension. It then moves to {@code .done/}, or to {@code .failed/} with an {@code .error.txt}
 * beside it. If Kafka cannot take it, it stays where it is and is tried again.
 */
public final class InboxRoute extends RouteBuilder {

    static final String INBOX_DIR = "heraldInboxDir";
    static final String FILE_NAME = "heraldFileName";
    static final String TARGET = "heraldInboxTarget";
    static final String DONE = ".done";
    static final String FAILED = ".failed";

    private final Intake intake;
    private final PostLedger ledger;

    public InboxRoute(Intake intake, PostLedger ledger) {
        this.intake = intake;
        this.ledger = ledger;
    }

    @Override
    public void configure() {
        // readLock=changed: a file still being copied in is left alone until its size stops changing.
        // The move target is decided per file: rejected files are moved to .failed, not .done.
        from("file:{{herald.inbox}}?readLock=changed&readLockCheckInterval=200&readLockMinAge=200&readLockMinLength=0"
                + "&delay=250&autoCreate=true&move=${exchangeProperty." + TARGET + "}/${file:name}")
                .routeId("ingest-inbox")
                .routeConfigurationId(IngestErrorPolicy.INBOX)
                .setProperty(TARGET, constant(FAILED))
                .setProperty(INBOX_DIR, simple("{{herald.inbox}}"))
                .setProperty(FILE_NAME, header(Exchange.FILE_NAME_ONLY))
                .setProperty(IngestErrorPolicy.SOURCE, simple("inbox:${header.CamelFileNameOnly}"))
                .process(this::accept)
                .choice()
                    .when(exchangeProperty("heraldUnchanged").isEqualTo(false))
                        .to("kafka:" + Topics.POSTS_RAW.name())
                        .process(e -> ledger.record(e.getProperty("heraldId", String.class),
                                e.getProperty("heraldHash", String.class)))
                .end()
                .setProperty(TARGET, constant(DONE))
                .log("Ingested ${exchangeProperty." + FILE_NAME + "} as ${exchangeProperty.heraldId}");
    }

    private void accept(Exchange exchange) {
        String name = exchange.getProperty(FILE_NAME, String.class);
        byte[] body = exchange.getMessage().getBody(byte[].class);
        exchange.setProperty(IngestErrorPolicy.ORIGINAL, body);
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        String type = Intake.TYPES_BY_EXTENSION.get(extension);
        if (type == null) {
            throw new RejectedPost(415, "Unsupported file type", "Herald reads inbox files ending in "
                    + String.join(", ", Intake.TYPES_BY_EXTENSION.keySet().stream().sorted().map(e -> "." + e).toList())
                    + "; \"" + name + "\" is not one of them.");
        }
        Intake.Outcome outcome = intake.accept(body, type, "inbox:" + name);
        exchange.setProperty("heraldUnchanged", outcome.unchanged());
        exchange.setProperty("heraldId", outcome.post().id());
        exchange.setProperty("heraldHash", outcome.post().contentHash());
        var message = exchange.getMessage();
        // The file headers stay: the move after the commit reads them, and Kafka's header filter drops Camel* ones.
        message.setHeader(KafkaConstants.KEY, outcome.post().id());
        message.setBody(Json.write(outcome.post()));
    }
}
