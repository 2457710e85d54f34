package io.herald.ingest.routes;

import io.herald.ingest.Intake;
import io.herald.ingest.PostLedger;
import io.herald.ingest.RejectedPost;
import io.herald.support.Props;
import java.util.Locale;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The watched folder: a file dropped into {@code --inbox} becomes a post, recognized by its
 * extension. It then moves to {@code .done/}, or to {@code .failed/} with an {@code .error.txt}
 * beside it. If Kafka cannot take it, it stays where it is and is tried again.
 */
public final class InboxRoute extends RouteBuilder {

    static final String DONE = ".done";
    static final String FAILED = ".failed";

    private final Intake intake;
    private final RawPosts raw;
    private final String inbox;

    public InboxRoute(Intake intake, PostLedger ledger, Path inbox) {
        this.intake = intake;
        this.raw = new RawPosts(ledger);
        this.inbox = inbox.toAbsolutePath().toString();
    }

    @Override
    public void configure() {
        // readLock=changed: a file still being copied in is left alone until its size stops changing.
        // The move target is decided per file: rejected files are moved to .failed, not .done.
        var accepted = from("file:" + inbox + "?readLock=changed&readLockCheckInterval=200&readLockMinAge=200&readLockMinLength=0"
                + "&delay=250&autoCreate=true&move=${exchangeProperty." + IngestProps.INBOX_TARGET.name() + "}")
                .routeId("ingest-inbox")
                .routeConfigurationId(IngestErrorPolicy.INBOX)
                .setProperty(IngestProps.INBOX_DIR.name(), constant(inbox))
                .setProperty(IngestProps.FILE_NAME.name(), header(Exchange.FILE_NAME_ONLY))
                .process(e -> IngestProps.INBOX_TARGET.set(e, target(FAILED, IngestProps.FILE_NAME.get(e))))
                .setProperty(Props.SOURCE.name(), simple("inbox:${header.CamelFileNameOnly}"))
                .process(this::accept)
                .filter(Props.UNCHANGED.is(false));
        raw.write(accepted)
                .end()
                .process(e -> IngestProps.INBOX_TARGET.set(e, target(DONE, IngestProps.FILE_NAME.get(e))))
                .log("Ingested ${exchangeProperty." + IngestProps.FILE_NAME.name() + "} as ${exchangeProperty." + IngestProps.POST_ID.name() + "}");
    }

    /**
     * Where a handled file goes, relative to the inbox: {@code .done/<name>} or {@code .failed/<name>},
     * or, when a file of that name is already there (the same name dropped again), {@code <name>-2.<ext>}
     * and so on, so both are kept.
     */
    String target(String folder, String name) {
        Path dir = Path.of(inbox, folder);
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        String candidate = name;
        for (int n = 2; Files.exists(dir.resolve(candidate)) || Files.exists(dir.resolve(candidate + ".error.txt")); n++) {
            candidate = stem + "-" + n + ext;
        }
        return folder + "/" + candidate;
    }

    private void accept(Exchange exchange) throws IOException {
        String name = IngestProps.FILE_NAME.get(exchange);
        // Looked at before a byte is read: a link (to a file outside the inbox, say) is never followed,
        // and a file over the limit is refused by its size, not read whole first.
        Path path = Path.of(exchange.getMessage().getHeader(Exchange.FILE_PATH, String.class));
        BasicFileAttributes attributes = Files.readAttributes(path,
                BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!attributes.isRegularFile()) {
            throw RejectedPost.badRequest("\"" + name + "\" is " + (attributes.isSymbolicLink() ? "a symbolic link" : "not a regular file")
                    + ": the inbox takes only files copied into it, and never follows links.");
        }
        if (attributes.size() > intake.maxBytes()) {
            throw intake.tooLarge(attributes.size());
        }
        byte[] body = exchange.getMessage().getBody(byte[].class);
        Props.ORIGINAL.set(exchange, body);
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        String type = Intake.TYPES_BY_EXTENSION.get(extension);
        if (type == null) {
            throw new RejectedPost(415, "Unsupported file type", "Herald reads inbox files ending in "
                    + String.join(", ", Intake.TYPES_BY_EXTENSION.keySet().stream().sorted().map(e -> "." + e).toList())
                    + "; \"" + name + "\" is not one of them.");
        }
        // The file headers stay: the move after the commit reads them, and Kafka's header filter drops Camel* ones.
        RawPosts.remember(exchange, intake.accept(body, type, "inbox:" + name));
    }
}
