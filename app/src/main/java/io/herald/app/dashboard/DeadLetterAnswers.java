package io.herald.app.dashboard;

import io.herald.support.HttpAnswers;
import io.herald.ingest.routes.IngestHttp;
import io.herald.support.ApiTokens;
import io.herald.support.Masking;
import io.herald.support.Problems;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * The dashboard's answers about refused inputs, for {@link DashboardRoute}: the newest records of
 * {@code herald.dlq}, one record's original bytes (a download, never shown), and sending one again
 * through ingest, in this process or at {@code ingest-url}.
 */
final class DeadLetterAnswers {

    private final DashboardData data;
    private final IngestDoor ingest;
    private final Optional<String> apiToken;
    private final ProducerTemplate template;

    DeadLetterAnswers(DashboardData data, IngestDoor ingest, Optional<String> apiToken, ProducerTemplate template) {
        this.data = data;
        this.ingest = ingest;
        this.apiToken = apiToken;
        this.template = template;
    }

    void list(Exchange exchange) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (DashboardData.DeadLetter d : data.deadLetters(200)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("offset", d.offset());
            row.put("stage", d.rejection().stage());
            row.put("reason", Masking.text(d.rejection().reason()));
            row.put("source", Masking.text(d.rejection().source()));
            row.put("contentType", d.rejection().contentType());
            row.put("rejectedAt", d.rejection().rejectedAt());
            row.put("count", d.count());
            row.put("firstRejectedAt", d.firstRejectedAt());
            row.put("bytes", d.bytes());
            row.put("retryable", retryable(d));
            rows.add(row);
        }
        DashboardRoute.json(exchange, 200, rows);
    }

    /** Ingest's refusals with something to send: an empty post would only be refused again. */
    private boolean retryable(DashboardData.DeadLetter d) {
        return "ingest".equals(d.rejection().stage()) && d.hasOriginal() && !d.blank();
    }

    private Optional<DashboardData.DeadLetter> find(Exchange exchange) {
        try {
            return data.deadLetter(Long.parseLong(exchange.getMessage().getHeader("offset", String.class)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    void original(Exchange exchange) {
        var d = find(exchange);
        if (d.isEmpty() || d.get().rejection().originalBase64() == null) {
            Problems.respond(exchange, 404, "Not found", "There is no DLQ record with its original at that offset.");
            return;
        }
        var message = HttpAnswers.start(exchange, 200, "application/octet-stream");
        message.setHeader("Content-Disposition", "attachment; filename=\"herald-dlq-" + d.get().offset() + ".bin\"");
        DashboardRoute.secure(message);
        message.setBody(Base64.getDecoder().decode(d.get().rejection().originalBase64()));
    }

    void retry(Exchange exchange) {
        var refusal = ApiTokens.refusal(apiToken, exchange.getMessage().getHeader("Authorization", String.class));
        if (refusal.isPresent()) {
            Problems.respond(exchange, 401, "Unauthorized", refusal.get());
            return;
        }
        var d = find(exchange);
        if (d.isEmpty()) {
            Problems.respond(exchange, 404, "Not found", "There is no DLQ record at that offset.");
            return;
        }
        if (!retryable(d.get())) {
            Problems.respond(exchange, 409, "Not retryable", d.get().blank() && "ingest".equals(d.get().rejection().stage())
                    ? "This input was empty: sending it again would be refused again. Publish the post with its content instead."
                    : "Only inputs refused by ingest, with their bytes, can be sent again; this record is from "
                    + d.get().rejection().stage() + ".");
            return;
        }
        var rejection = d.get().rejection();
        byte[] original = Base64.getDecoder().decode(rejection.originalBase64());
        if (ingest.local().isEmpty()) {
            // Ingest is another process: sent again through its door for the kind of input it was.
            ingest.forward(exchange, rejection.source() != null && rejection.source().startsWith("webhook")
                    ? IngestHttp.CMS.path() : IngestHttp.PUBLISH.path(), original, rejection.contentType());
            return;
        }
        // Sent again exactly as it came, through the same door, in this process: the answer is ingest's own.
        Exchange answer = ingest.local().get().resend(template, rejection.source(), rejection.contentType(), original);
        var message = HttpAnswers.start(exchange, answer.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 200, Integer.class),
                answer.getMessage().getHeader(Exchange.CONTENT_TYPE, "application/json", String.class));
        DashboardRoute.secure(message);
        message.setBody(answer.getMessage().getBody(String.class));
    }
}
