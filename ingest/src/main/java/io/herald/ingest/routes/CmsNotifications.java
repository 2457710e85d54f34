package io.herald.ingest.routes;

import io.herald.events.RawPost;
import io.herald.ingest.CmsWebhookParser;
import io.herald.ingest.GhostSignature;
import io.herald.ingest.Intake;
import io.herald.ingest.PostLedger;
import io.herald.ingest.RejectedPost;
import io.herald.ingest.SeenSignatures;
import io.herald.support.Props;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.camel.Exchange;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * What {@code POST /api/webhooks/cms} does with a notification, for {@link HttpIngestRoute}: who may
 * send one (the API token, or a Ghost signature that verifies, taken once), and what it becomes (a
 * post, a withdrawal, or nothing for a draft or a late notification).
 */
final class CmsNotifications {

    /** The CMS that withdrew a post (an exchange property, for the tombstone). */
    static final String WITHDRAWING_CMS = "heraldWithdrawingCms";

    private final Intake intake;
    private final PostLedger ledger;
    private final Optional<String> apiToken;
    private final Optional<String> ghostSecret;
    private final CmsWebhookParser webhooks = new CmsWebhookParser();
    private final SeenSignatures seenSignatures = new SeenSignatures(GhostSignature.TOLERANCE.multipliedBy(2));

    CmsNotifications(Intake intake, PostLedger ledger, Optional<String> apiToken, Optional<String> ghostSecret) {
        this.intake = intake;
        this.ledger = ledger;
        this.apiToken = apiToken;
        this.ghostSecret = ghostSecret;
    }

    /**
     * A webhook signed by Ghost (with {@code ghost-webhook-secret} set) is let in by its signature;
     * any other needs the API token, as every write endpoint does.
     */
    void checkSender(Exchange exchange) {
        String signature = exchange.getMessage().getHeader(GhostSignature.HEADER, String.class);
        if (signature == null || ghostSecret.isEmpty()) {
            try {
                ApiToken.check(apiToken, exchange);
            } catch (RejectedPost e) {
                throw signature == null ? e : new RejectedPost(e.status(), e.title(), e.getMessage()
                        + " This request is signed by Ghost (" + GhostSignature.HEADER + "): set ghost-webhook-secret to the "
                        + "webhook's secret in Ghost and no token is needed.");
            }
            return;
        }
        byte[] body = body(intake, exchange);
        exchange.getMessage().setBody(body);
        Instant now = Instant.now();
        GhostSignature.refusal(ghostSecret.get(), signature, body == null ? new byte[0] : body, now)
                .ifPresent(reason -> {
                    throw new RejectedPost(401, "Unauthorized", reason);
                });
        // A signature is good for one request: the same request captured and sent again within the
        // window is refused. Forgotten again when Herald could not take the request (a 5xx), so that
        // Ghost's own retry, which carries the first signature, still gets through.
        if (!seenSignatures.first(signature, now)) {
            throw new RejectedPost(409, "Replayed webhook", "Herald already received this signed request (the same "
                    + GhostSignature.HEADER + "): a request is taken once.");
        }
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                Integer status = done.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
                if (done.isFailed() || status != null && status >= 500) {
                    seenSignatures.forget(signature);
                }
            }
        });
    }

    /** The request body, refused by its declared length before it is read when over the limit; kept as the original. */
    static byte[] body(Intake intake, Exchange exchange) {
        Long declared = exchange.getMessage().getHeader(Exchange.CONTENT_LENGTH, Long.class);
        if (declared != null && declared > intake.maxBytes()) {
            throw intake.tooLarge(declared);
        }
        byte[] body = exchange.getMessage().getBody(byte[].class);
        Props.ORIGINAL.set(exchange, body);
        return body;
    }

    void accept(Exchange exchange) {
        byte[] body = body(intake, exchange);
        if (body == null || body.length == 0) {
            throw RejectedPost.badRequest("The webhook body is empty.");
        }
        String json = new String(body, StandardCharsets.UTF_8);
        Optional<CmsWebhookParser.Notification> notification = Intake.readable("CMS webhook", () -> webhooks.parse(json));
        IngestProps.IGNORED.set(exchange, notification.isEmpty());
        if (notification.isEmpty()) {
            Instant changed = webhooks.updatedAt(json).orElse(null);
            // Found by its URL or by the CMS's own ids (Ghost's unpublish and delete name no public URL).
            webhooks.withdrawn(json).ifPresent(w -> ledger.resolve(w.refs()).ifPresent(id -> {
                if (ledger.olderThanHeld(id, changed)) {
                    IngestProps.STALE.set(exchange, stale(changed));
                } else {
                    Props.DELETED.set(exchange, id);
                    if (!w.cms().equals("herald")) {
                        exchange.setProperty(WITHDRAWING_CMS, w.cms());
                    }
                }
            }));
        }
        if (notification.isPresent()) {
            CmsWebhookParser.Notification n = notification.get();
            Intake.Outcome outcome = intake.acceptParsed(n.post(), json, "application/json", "webhook:" + n.cms(), n.contentHash());
            if (ledger.olderThanHeld(outcome.post().id(), n.updatedAt())) {
                // A late or replayed notification never takes a post back to an older version.
                IngestProps.STALE.set(exchange, stale(n.updatedAt()));
                IngestProps.POST_ID.set(exchange, outcome.post().id());
                exchange.getMessage().removeHeaders("*");
                return;
            }
            RawPost post = keepWhatItDoesNotCarry(outcome.post().toBuilder().sourceUpdatedAt(n.updatedAt()).aliases(n.aliases()).build(),
                    n.missing());
            outcome = new Intake.Outcome(post, outcome.unchanged());
            exchange.getMessage().removeHeaders("*");
            RawPosts.remember(exchange, outcome);
        }
    }

    /**
     * A payload never erases what it does not carry: WordPress's REST JSON names tags, categories, the
     * author and the image by number only, so the version Herald holds keeps its names for them.
     */
    private RawPost keepWhatItDoesNotCarry(RawPost post, Set<String> missing) {
        if (missing.isEmpty()) {
            return post;
        }
        var held = ledger.held(post.id());
        if (held.isEmpty()) {
            return post;
        }
        RawPost.Builder b = post.toBuilder();
        if (missing.contains(CmsWebhookParser.TAGS) && post.tags().isEmpty()) {
            b.tags(held.get().tags());
        }
        if (missing.contains(CmsWebhookParser.AUTHOR) && post.author() == null) {
            b.author(held.get().author());
        }
        if (missing.contains(CmsWebhookParser.IMAGE) && post.images().isEmpty() && held.get().image() != null) {
            b.images(List.of(held.get().image()));
        }
        return b.build();
    }

    private static String stale(Instant changed) {
        return "The notification says the post changed at " + changed + ", before the version Herald holds: a late or "
                + "replayed notification never replaces a newer version.";
    }
}
