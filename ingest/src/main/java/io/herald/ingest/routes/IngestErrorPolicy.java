package io.herald.ingest.routes;

import io.herald.support.KafkaEndpoints;
import io.herald.events.Json;
import io.herald.events.Rejection;
import io.herald.events.Topics;
import io.herald.ingest.RejectedPost;
import io.herald.support.Problems;
import io.herald.support.Props;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.component.kafka.KafkaConstants;
import java.io.IOException;
import org.apache.camel.LoggingLevel;

/**
 * What ingest does with input it refuses, written once. Every refusal goes to {@code herald.dlq}
 * with the reason; the sender is told why, over HTTP as problem+json, in the inbox as an
 * {@code .error.txt} file beside the moved file. Failures that are not the input's fault (the
 * broker is down) are not refusals: HTTP answers 503 and the inbox file stays to be retried.
 */
public final class IngestErrorPolicy extends RouteConfigurationBuilder {

    public static final String HTTP = "ingest-http-errors";
    public static final String INBOX = "ingest-inbox-errors";
    public static final String FEEDS = "ingest-feed-errors";

    private static final String DLQ = KafkaEndpoints.to(Topics.DLQ);

    @Override
    public void configuration() {
        routeConfiguration(HTTP)
                .onException(RejectedPost.class).handled(true)
                    .process(IngestErrorPolicy::toRejection)
                    .filter(IngestProps.KEEP_REJECTED.is(true))
                        .to(DLQ)
                    .end()
                    .process(IngestErrorPolicy::toProblemResponse)
                .end()
                .onException(Exception.class).handled(true)
                    .log(LoggingLevel.ERROR, "Could not store a post: ${exception.message}")
                    .process(e -> Problems.respond(e, 503, "Service unavailable",
                            "Herald could not store the post right now, so it was not accepted. Please retry."))
                .end();

        // A broken entry or feed is kept in the DLQ and the poll goes on; an unreachable feed is
        // only logged (it is tried again at the next poll, and has sent nothing to keep).
        routeConfiguration(FEEDS)
                .onException(RejectedPost.class).handled(true)
                    .log(LoggingLevel.WARN, "Rejected from ${exchangeProperty." + Props.SOURCE.name() + "}: ${exception.message}")
                    .process(IngestErrorPolicy::toRejection)
                    .to(DLQ)
                .end()
                .onException(IOException.class).handled(true)
                    .log(LoggingLevel.WARN, "Could not fetch ${exchangeProperty." + Props.SOURCE.name() + "}: ${exception.message}")
                .end();

        routeConfiguration(INBOX)
                .onException(RejectedPost.class).handled(true)
                    .log(LoggingLevel.WARN, "Refused inbox file ${exchangeProperty." + IngestProps.FILE_NAME.name()
                            + "}: ${exception.message}")
                    .process(IngestErrorPolicy::toRejection)
                    .to(DLQ)
                    .process(IngestErrorPolicy::writeErrorFile)
                .end();
    }

    private static void toRejection(Exchange exchange) {
        RejectedPost rejected = rejection(exchange);
        // A wrong token, or a delete of a post that is not there, is not content: nothing to keep.
        IngestProps.KEEP_REJECTED.set(exchange, rejected.status() != 401 && rejected.status() != 404);
        byte[] original = Props.ORIGINAL.get(exchange);
        String contentType = exchange.getMessage().getHeader(Exchange.CONTENT_TYPE, String.class);
        Rejection r = Rejection.of("ingest", rejected.detail(), Objects.requireNonNullElse(Props.SOURCE.get(exchange), "unknown"),
                contentType, null, null, null, rejected.status() == 413 ? null : original);
        exchange.getMessage().removeHeaders("*", "Camel*");
        exchange.getMessage().setHeader(KafkaConstants.KEY, "ingest");
        exchange.getMessage().setBody(Json.write(r));
    }

    private static RejectedPost rejection(Exchange exchange) {
        return exchange.getProperty(Exchange.EXCEPTION_CAUGHT, RejectedPost.class);
    }

    private static void toProblemResponse(Exchange exchange) {
        RejectedPost rejected = rejection(exchange);
        Problems.respond(exchange, rejected.status(), rejected.title(), rejected.detail());
        if (rejected.status() == 401) {
            exchange.getMessage().setHeader("WWW-Authenticate", "Bearer realm=\"herald\"");
        }
    }

    private static void writeErrorFile(Exchange exchange) throws Exception {
        RejectedPost rejected = rejection(exchange);
        // Beside the file as it is moved: .failed/<name>, or .failed/<name>-2.<ext> when that name was taken.
        Path moved = Path.of(IngestProps.INBOX_DIR.get(exchange)).resolve(IngestProps.INBOX_TARGET.get(exchange));
        Files.createDirectories(moved.getParent());
        String name = IngestProps.FILE_NAME.get(exchange);
        Files.writeString(moved.resolveSibling(moved.getFileName() + ".error.txt"),
                "Herald could not ingest " + name + ":\n" + rejected.detail() + "\n", StandardCharsets.UTF_8);
    }
}
