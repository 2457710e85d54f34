package io.herald.app;

import io.herald.publish.PublishStage;
import io.herald.support.ConsumerGroups;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The counters of {@code /metrics} and their labels, each series a process can have made known at
 * zero from its start: a family that has seen nothing yet is there (0), so a dashboard shows 0
 * rather than "no data" and an alert on its increase can fire on the first record.
 */
final class MetricNames {

    static final String ACCEPTED = "herald.posts.accepted";
    static final String DELETED = "herald.posts.deleted";
    static final String REFUSED = "herald.posts.refused";
    static final String DLQ = "herald.dlq.records";
    static final String RECORDS = "herald.records";
    static final String NEWSLETTERS = "herald.newsletters";
    static final String DELIVERY_TRIES = "herald.newsletter.delivery.tries";
    static final String DELIVERY_STATES = "herald.newsletter.deliveries";
    static final String SNIPPETS = "herald.social.snippets";
    static final String SOCIAL_DELIVERY_TRIES = "herald.social.delivery.tries";
    static final String SOCIAL_DELIVERY_STATES = "herald.social.deliveries";
    static final String ACTIVITYPUB_DELIVERIES = "herald.activitypub.deliveries";
    static final String ACTIVITYPUB_FOLLOWERS = "herald.activitypub.followers";
    static final String BLUESKY_POSTS = "herald.bluesky.posts";
    static final String BLUESKY_LOGINS = "herald.bluesky.logins";

    /** Where posts come from, as the metrics label them. */
    static final List<String> SOURCES = List.of("http", "inbox", "feed", "webhook");
    static final List<String> NEWSLETTER_KINDS = List.of("announcement", "correction", "digest");
    /** A delivery state as written to herald.deliveries; "resent" is a re-send asked for by a person. */
    static final List<String> DELIVERY_STATE_NAMES = List.of("delivered", "retrying", "failed", "resent");

    private MetricNames() {
    }

    static Counter accepted(MeterRegistry r, String source) {
        return Counter.builder(ACCEPTED).description("Posts accepted, by source").tag("source", source).register(r);
    }

    static Counter deleted(MeterRegistry r) {
        return Counter.builder(DELETED).description("Posts deleted (DELETE, a CMS unpublishing)").register(r);
    }

    static Counter refused(MeterRegistry r, String source, String reason) {
        return Counter.builder(REFUSED).description("Posts refused, by source and reason").tags("source", source, "reason", reason).register(r);
    }

    static Counter dlq(MeterRegistry r, String stage) {
        return Counter.builder(DLQ).description("Records written to herald.dlq, by stage").tag("stage", stage).register(r);
    }

    static Counter records(MeterRegistry r, String stage) {
        return Counter.builder(RECORDS).description("Kafka records consumed, by stage").tag("stage", stage).register(r);
    }

    static Counter newsletters(MeterRegistry r, String kind) {
        return Counter.builder(NEWSLETTERS).description("Newsletter payloads written to herald.newsletter by this instance, by kind")
                .tag("kind", kind).register(r);
    }

    static Counter deliveryTries(MeterRegistry r, String outcome) {
        return Counter.builder(DELIVERY_TRIES).description("Tries at handing a newsletter to the webhook, by outcome (delivered, failed)")
                .tag("outcome", outcome).register(r);
    }

    static Counter deliveryStates(MeterRegistry r, String state) {
        return Counter.builder(DELIVERY_STATES).description("Newsletter delivery states written to herald.deliveries, by state "
                + "(failed: failed for good, after every retry)").tag("state", state).register(r);
    }

    static Counter socialDeliveryTries(MeterRegistry r, String outcome) {
        return Counter.builder(SOCIAL_DELIVERY_TRIES).description("Tries at handing a snippet to the social webhook, by outcome "
                + "(delivered, failed)").tag("outcome", outcome).register(r);
    }

    static Counter socialDeliveryStates(MeterRegistry r, String state) {
        return Counter.builder(SOCIAL_DELIVERY_STATES).description("Snippet delivery states written to herald.deliveries, by state "
                + "(failed: failed for good, after every retry)").tag("state", state).register(r);
    }

    static Counter activityPubDeliveries(MeterRegistry r, String activity, String state) {
        return Counter.builder(ACTIVITYPUB_DELIVERIES).description("Outcomes of activities sent to followers' inboxes by this instance, "
                + "as written to herald.ledger, by activity (Create, Update, Delete) and state (delivered, retrying, failed)")
                .tag("activity", activity).tag("state", state).register(r);
    }

    static Counter blueskyPosts(MeterRegistry r, String activity, String state) {
        return Counter.builder(BLUESKY_POSTS).description("Outcomes of Bluesky records written (Create) or deleted (Delete) by this "
                + "instance, as written to herald.ledger, by state (delivered, retrying, failed)")
                .tag("activity", activity).tag("state", state).register(r);
    }

    static Counter snippets(MeterRegistry r, String platform) {
        return Counter.builder(SNIPPETS).description("Social snippets written to herald.social by this instance, by network")
                .tag("platform", platform).register(r);
    }

    /** Every series this process's stages can count, at zero. */
    static void startAtZero(MeterRegistry r, Set<Stage> stages, PublishStage publish) {
        for (Stage stage : stages) {
            String name = stage.name().toLowerCase(Locale.ROOT);
            dlq(r, name);
            records(r, name);
        }
        if (stages.contains(Stage.INGEST)) {
            deleted(r);
            for (String source : SOURCES) {
                accepted(r, source);
                refused(r, source, "unreadable");
            }
        }
        if (publish != null) {
            NEWSLETTER_KINDS.forEach(kind -> newsletters(r, kind));
            List.of("delivered", "failed").forEach(outcome -> deliveryTries(r, outcome));
            DELIVERY_STATE_NAMES.forEach(state -> deliveryStates(r, state));
            List.of("delivered", "failed").forEach(outcome -> socialDeliveryTries(r, outcome));
            DELIVERY_STATE_NAMES.forEach(state -> socialDeliveryStates(r, state));
            publish.platforms().forEach(p -> snippets(r, p.id()));
            if (publish.activityPub().enabled()) {
                for (String activity : List.of("Create", "Update", "Delete")) {
                    List.of("delivered", "retrying", "failed").forEach(state -> activityPubDeliveries(r, activity, state));
                }
                io.micrometer.core.instrument.Gauge.builder(ACTIVITYPUB_FOLLOWERS, publish.activityPub().followers(),
                        f -> f.size()).description("Actors following the site on the fediverse, as this instance knows them").register(r);
            }
            publish.bluesky().ifPresent(b -> {
                for (String activity : List.of("Create", "Delete")) {
                    List.of("delivered", "retrying", "failed").forEach(state -> blueskyPosts(r, activity, state));
                }
                io.micrometer.core.instrument.FunctionCounter.builder(BLUESKY_LOGINS, b.client(), c -> c.logins())
                        .description("Logins (createSession) to the Bluesky account's PDS by this instance: one, then a "
                                + "refreshSession whenever the session expires").register(r);
            });
        }
    }

    /** The shared groups of the stages this process runs: the lag it reports. */
    static List<String> groupsOf(Set<Stage> stages) {
        List<String> groups = new ArrayList<>();
        if (stages.contains(Stage.TRANSFORM)) {
            groups.add(ConsumerGroups.TRANSFORM);
        }
        if (stages.contains(Stage.PUBLISH)) {
            groups.addAll(List.of(ConsumerGroups.NEWSLETTER, ConsumerGroups.SOCIAL, ConsumerGroups.NEWSLETTER_DELIVERY,
                    ConsumerGroups.SOCIAL_DELIVERY));
        }
        return groups;
    }
}
