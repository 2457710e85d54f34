package io.herald.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

/** The topics Herald asks a cluster for, and the existing ones it refuses to run on. */
class TopicSetupTest {

    @Test
    void replication_fits_the_cluster_up_to_three_unless_configured() {
        assertEquals(1, TopicSetup.replication(0, 1));
        assertEquals(2, TopicSetup.replication(0, 2));
        assertEquals(3, TopicSetup.replication(0, 5));
        assertEquals(2, TopicSetup.replication(2, 5));
    }

    @Test
    void with_three_replicas_an_acknowledged_record_is_on_two_brokers_and_the_latest_state_topics_are_compacted() {
        for (NewTopic t : TopicSetup.newTopics(6, (short) 3, io.herald.support.RecordBudget.forPosts(5 << 20))) {
            assertEquals(3, t.replicationFactor());
            assertEquals("2", t.configs().get("min.insync.replicas"), t.name());
            boolean compacted = t.name().equals(Topics.POSTS_RAW.name()) || t.name().equals(Topics.POSTS_ENRICHED.name())
                    || t.name().equals(Topics.POSTS_CONTROLS.name()) || t.name().equals(Topics.DELIVERIES.name())
                    || t.name().equals(Topics.FOLLOWERS.name()) || t.name().equals(Topics.LEDGER.name());
            assertEquals(String.valueOf(t.name().equals(Topics.DLQ.name()) ? 2 * (21 << 20) + (1 << 20) : 21 << 20),
                    t.configs().get("max.message.bytes"), "every topic takes what the largest post becomes: " + t.name());
            assertEquals(compacted ? "compact" : "delete", t.configs().get("cleanup.policy"), t.name());
            assertEquals(t.name().equals(Topics.DLQ.name()) ? 1 : 6, t.numPartitions(), t.name());
        }
        assertNull(TopicSetup.newTopics(3, (short) 1, io.herald.support.RecordBudget.forPosts(5 << 20)).get(0).configs().get("min.insync.replicas"));
    }

    @Test
    void an_existing_topic_whose_cleanup_policy_would_lose_posts_is_refused_with_the_fix() {
        String why = TopicSetup.unsuitable(Topics.POSTS_ENRICHED, "delete");
        assertTrue(why.contains("cleanup.policy=compact") && why.contains("kafka-configs.sh"), why);
        assertTrue(TopicSetup.unsuitable(Topics.POSTS_ENRICHED, "compact,delete") != null, "age-based deletion loses old posts");
        assertNull(TopicSetup.unsuitable(Topics.POSTS_ENRICHED, "compact"));
        assertTrue(TopicSetup.unsuitable(Topics.NEWSLETTER, "compact").contains("must be cleanup.policy=delete"));
        assertNull(TopicSetup.unsuitable(Topics.NEWSLETTER, "delete"));
    }

    @Test
    void a_raw_topic_that_ages_posts_out_is_made_compacted_so_takedowns_never_expire() {
        var budget = io.herald.support.RecordBudget.forPosts(5 << 20);
        var changes = TopicSetup.upgrades(Topics.POSTS_RAW, "delete", "1048588", budget);
        assertEquals("compact", changes.get("cleanup.policy"));
        assertEquals(String.valueOf(21 << 20), changes.get("max.message.bytes"), "a 1 MB limit would stall a 1.5 MB post");
        assertTrue(TopicSetup.upgrades(Topics.POSTS_RAW, "compact", String.valueOf(64 << 20),
                        String.valueOf(TopicSetup.TOMBSTONE_RETENTION_MS), budget).isEmpty(),
                "a larger limit an operator set is kept");
    }

    @Test
    void a_raw_topic_keeps_its_tombstones_so_a_cms_withdrawal_outlasts_compaction() {
        var budget = io.herald.support.RecordBudget.forPosts(5 << 20);
        assertEquals(String.valueOf(TopicSetup.TOMBSTONE_RETENTION_MS),
                TopicSetup.upgrades(Topics.POSTS_RAW, "compact", String.valueOf(64 << 20), "86400000", budget).get("delete.retention.ms"),
                "the broker's default (a day) would forget who withdrew a post");
        assertTrue(TopicSetup.TOMBSTONE_RETENTION_MS > 50L * 365 * 24 * 3600 * 1000 && TopicSetup.TOMBSTONE_RETENTION_MS < Long.MAX_VALUE / 2);
        assertEquals(String.valueOf(TopicSetup.TOMBSTONE_RETENTION_MS), TopicSetup.newTopics(3, (short) 1, budget).stream()
                .filter(t -> t.name().equals(Topics.POSTS_RAW.name())).findFirst().orElseThrow().configs().get("delete.retention.ms"));
        assertTrue(TopicSetup.upgrades(Topics.POSTS_ENRICHED, "compact", String.valueOf(64 << 20), null, budget).isEmpty());
    }
}
