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
        for (NewTopic t : TopicSetup.newTopics(6, (short) 3)) {
            assertEquals(3, t.replicationFactor());
            assertEquals("2", t.configs().get("min.insync.replicas"), t.name());
            boolean compacted = t.name().equals(Topics.POSTS_ENRICHED.name()) || t.name().equals(Topics.DELIVERIES.name());
            assertEquals(compacted ? "compact" : "delete", t.configs().get("cleanup.policy"), t.name());
            assertEquals(t.name().equals(Topics.DLQ.name()) ? 1 : 6, t.numPartitions(), t.name());
        }
        assertNull(TopicSetup.newTopics(3, (short) 1).get(0).configs().get("min.insync.replicas"));
    }

    @Test
    void an_existing_topic_whose_cleanup_policy_would_lose_posts_is_refused_with_the_fix() {
        String why = TopicSetup.unsuitable(Topics.POSTS_ENRICHED, "delete");
        assertTrue(why.contains("cleanup.policy=compact") && why.contains("kafka-configs.sh"), why);
        assertTrue(TopicSetup.unsuitable(Topics.POSTS_ENRICHED, "compact,delete") != null, "age-based deletion loses old posts");
        assertNull(TopicSetup.unsuitable(Topics.POSTS_ENRICHED, "compact"));
        assertTrue(TopicSetup.unsuitable(Topics.POSTS_RAW, "compact").contains("must be cleanup.policy=delete"));
        assertNull(TopicSetup.unsuitable(Topics.POSTS_RAW, "delete"));
    }
}
