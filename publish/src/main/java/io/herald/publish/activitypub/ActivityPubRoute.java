package io.herald.publish.activitypub;

import io.herald.events.Json;
import io.herald.events.LedgerEntry;
import io.herald.events.Topics;
import io.herald.publish.PostStore;
import io.herald.publish.PublishHttp;
import io.herald.support.ConsumerGroups;
import io.herald.support.HttpAnswers;
import io.herald.support.HttpEndpoint;
import io.herald.support.KafkaEndpoints;
import io.herald.support.Problems;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;

/**
 * The site on the fediverse ({@link ActivityPub}): WebFinger, NodeInfo, the actor, its collections, each
 * post as an Article, and the signed inbox; with {@code activitypub} on, {@code publish-ap-follower-records} reads
 * the whole followers topic (each instance under a group of its own) and {@code publish-ap-federate} sends what the posts' changes call for. With it off, the endpoints
 * answer 404 and nothing is read or sent.
 */
public final class ActivityPubRoute extends RouteBuilder {

    private final ActivityPub ap;
    private final PostStore store;
    private final Consumer<LedgerEntry> ledgerWriter;
    private ProducerTemplate template;

    /** @param ledgerWriter where the activities' outcomes are written ({@link io.herald.publish.LedgerRoute}) */
    public ActivityPubRoute(ActivityPub ap, PostStore store, Consumer<LedgerEntry> ledgerWriter) {
        this.ap = ap;
        this.store = store;
        this.ledgerWriter = ledgerWriter;
    }

    @Override
    public void configure() {
        http(PublishHttp.WEBFINGER, e -> ap.docs().webfinger(e.getMessage().getHeader("resource", String.class)).ifPresentOrElse(
                jrd -> answer(e, "application/jrd+json", Json.write(jrd)),
                () -> Problems.respond(e, 404, "Not found", "Herald answers for " + ap.docs().handle().substring(1) + " only.")));
        http(PublishHttp.NODEINFO_LINKS, e -> answer(e, "application/json", Json.write(ap.docs().nodeInfoLinks())));
        http(PublishHttp.NODEINFO, e -> answer(e, "application/json; profile=\"http://nodeinfo.diaspora.software/ns/schema/2.1#\"",
                Json.write(ap.docs().nodeInfo(ap.version(), store.size()))));
        http(PublishHttp.AP_ACTOR, e -> answer(e, ActivityDocs.MEDIA_TYPE, Json.write(ap.docs().actor(ap.key()))));
        http(PublishHttp.AP_OUTBOX, e -> answer(e, ActivityDocs.MEDIA_TYPE,
                Json.write(ap.docs().collection(ap.docs().outboxId(), store.size()))));
        http(PublishHttp.AP_FOLLOWERS, e -> answer(e, ActivityDocs.MEDIA_TYPE,
                Json.write(ap.docs().collection(ap.docs().followersId(), ap.followers().size()))));
        http(PublishHttp.AP_OBJECT, e -> {
            String id = e.getMessage().getHeader("id", String.class);
            store.get(id).ifPresentOrElse(p -> answer(e, ActivityDocs.MEDIA_TYPE, Json.write(ap.docs().article(p))),
                    () -> Problems.respond(e, store.isDeleted(id) ? 410 : 404, store.isDeleted(id) ? "Gone" : "Not found",
                            "There is no post with id \"" + id + "\"."));
        });
        http(PublishHttp.AP_INBOX, this::inbox);
        if (!ap.enabled()) {
            return;
        }
        from(KafkaEndpoints.from(Topics.FOLLOWERS, ConsumerGroups.STORE_PREFIX + "followers-" + UUID.randomUUID()).fromStartEveryTime().uri())
                .routeId("publish-ap-follower-records")
                .process(e -> readable(e, () -> ap.followers().record(key(e), ap.follower(e.getMessage().getBody(byte[].class)))));
        from("timer:publish-ap-federate?delay=1000&period=1000").routeId("publish-ap-federate")
                .process(e -> ap.federation(this::writeLedger, this::unfollow).tick(Instant.now()));
    }

    /** Herald's own records: one it cannot read (a newer Herald's?) is passed over, not retried for ever. */
    private void readable(Exchange e, Runnable apply) {
        try {
            apply.run();
        } catch (RuntimeException unreadable) {
            log.warn("Passed over an unreadable record for {}: {}", key(e), unreadable.getMessage());
        }
    }

    private static String key(Exchange e) {
        return e.getMessage().getHeader(KafkaConstants.KEY, String.class);
    }

    private void http(HttpEndpoint endpoint, org.apache.camel.Processor answer) {
        from(endpoint.uri()).routeId(endpoint.routeId()).process(e -> {
            if (!ap.enabled()) {
                Problems.respond(e, 404, "Not found", "This Herald is not on the fediverse: activitypub is off.");
                return;
            }
            answer.process(e);
        });
    }

    private void inbox(Exchange e) throws InterruptedException {
        var m = e.getMessage();
        String query = m.getHeader(Exchange.HTTP_QUERY, String.class);
        Inbox.Outcome o = ap.inbox().receive(PublishHttp.AP_INBOX.path() + (query == null || query.isEmpty() ? "" : "?" + query),
                name -> m.getHeader(name, String.class), m.getBody(byte[].class), Instant.now());
        if (o.status() >= 400) {
            log.info("Refused an activity at the inbox ({}): {}", o.status(), o.problem());
            Problems.respond(e, o.status(), o.status() == 401 ? "Signature refused" : "Not an activity", o.problem());
            return;
        }
        if (o.follower() != null) {
            write(Topics.FOLLOWERS, o.follower().actor(), o.follower());
            ap.followers().record(o.follower().actor(), o.follower());
            ap.federation(this::writeLedger, this::unfollow).accept(o.acceptTo(), o.accept());
            log.info("{} follows the site", o.follower().actor());
        }
        if (o.left() != null) {
            unfollow(o.left());
        }
        HttpAnswers.answer(e, 202, "text/plain; charset=utf-8", "");
    }

    private void unfollow(String actor) {
        write(Topics.FOLLOWERS, actor, null);
        ap.followers().record(actor, null);
        log.info("{} no longer follows the site", actor);
    }

    private void writeLedger(LedgerEntry entry) {
        ledgerWriter.accept(entry);
    }

    /** Written from the inbox's and the senders' threads: one template for all of them. */
    private synchronized ProducerTemplate template() {
        if (template == null) {
            template = getContext().createProducerTemplate();
        }
        return template;
    }

    private void write(io.herald.events.Topic<?> topic, String key, Object value) {
        template().sendBodyAndHeader(KafkaEndpoints.to(topic), value == null ? null : Json.write(value), KafkaConstants.KEY, key);
    }

    private static void answer(Exchange e, String type, String body) {
        HttpAnswers.answer(e, 200, type, body);
        e.getMessage().setHeader("Cache-Control", "public, max-age=60");
    }
}
