package io.herald.app;

import io.herald.events.Topic;
import io.herald.events.Topics;
import io.herald.support.RecordBudget;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import java.time.Duration;
import java.util.Collection;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.LoggerFactory;

/**
 * Makes sure Herald's topics exist and suit it, before any stage starts. Missing topics are created
 * with the configured partitions and a replication factor that fits the cluster (as many brokers as
 * there are, at most 3, unless configured), and, with three replicas or more, {@code min.insync.replicas=2},
 * so an acknowledged record is on two brokers. A topic that exists with a cleanup policy Herald cannot
 * work with (a compacted one deleting old versions by age, or a log that compaction would thin out)
 * stops Herald with a reason, rather than losing posts later.
 */
public final class TopicSetup {

    private TopicSetup() {
    }

    /** What Herald asks of the cluster: the topics it would create there. */
    static List<NewTopic> newTopics(int partitions, short replication, RecordBudget budget) {
        List<NewTopic> topics = new ArrayList<>();
        for (Topic<?> t : Topics.all()) {
            // The DLQ is read by people, in order: one partition.
            int n = t == Topics.DLQ ? 1 : partitions;
            Map<String, String> configs = new HashMap<>(t.config());
            configs.put(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(maxMessageBytes(t, budget)));
            if (t == Topics.POSTS_RAW) {
                configs.put(TopicConfig.DELETE_RETENTION_MS_CONFIG, String.valueOf(TOMBSTONE_RETENTION_MS));
            }
            if (replication >= 3) {
                configs.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2");
            }
            topics.add(new NewTopic(t.name(), n, replication).configs(configs));
        }
        return topics;
    }

    /**
     * How long a deletion stays on {@code herald.posts.raw}: for ever, in effect (a hundred years; Kafka
     * adds it to a time, so not Long.MAX_VALUE). A tombstone carries who withdrew the post (a CMS), which
     * keeps it withdrawn across sources and restarts until that CMS publishes it again.
     */
    static final long TOMBSTONE_RETENTION_MS = 100L * 365 * 24 * 3600 * 1000;

    /** The largest record a topic takes: the one size budget ({@link RecordBudget}), twice that on the DLQ. */
    static int maxMessageBytes(Topic<?> t, RecordBudget budget) {
        return t == Topics.DLQ ? budget.deadLetterBytes() : budget.recordBytes();
    }

    /**
     * What an existing topic's configuration must become for Herald, set by Herald itself: a topic it
     * created before this version (a raw topic that aged posts out after 7 days, a record limit below the
     * budget). Only changes in Herald's favour; a policy it cannot work with is refused by {@link #unsuitable}.
     */
    static Map<String, String> upgrades(Topic<?> t, String cleanupPolicy, String maxMessageBytes, RecordBudget budget) {
        return upgrades(t, cleanupPolicy, maxMessageBytes, null, budget);
    }

    /** As above, with the topic's {@code delete.retention.ms} (null: the broker's default, a day). */
    static Map<String, String> upgrades(Topic<?> t, String cleanupPolicy, String maxMessageBytes, String deleteRetentionMs,
                                        RecordBudget budget) {
        Map<String, String> out = new HashMap<>();
        if (t == Topics.POSTS_RAW && !atLeast(deleteRetentionMs, TOMBSTONE_RETENTION_MS)) {
            out.put(TopicConfig.DELETE_RETENTION_MS_CONFIG, String.valueOf(TOMBSTONE_RETENTION_MS));
        }
        if (t == Topics.POSTS_RAW && cleanupPolicy != null && cleanupPolicy.replace(" ", "").equals("delete")) {
            out.put(TopicConfig.CLEANUP_POLICY_CONFIG, "compact");
            out.put(TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, "0");
        }
        int wanted = maxMessageBytes(t, budget);
        try {
            if (maxMessageBytes == null || Integer.parseInt(maxMessageBytes.strip()) < wanted) {
                out.put(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(wanted));
            }
        } catch (NumberFormatException e) {
            out.put(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(wanted));
        }
        return out;
    }

    private static boolean atLeast(String value, long wanted) {
        try {
            return value != null && Long.parseLong(value.strip()) >= wanted;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The replication factor to create topics with: the setting, or (0) the brokers there are, at most 3. */
    static short replication(int configured, int brokers) {
        if (configured > 0) {
            return (short) configured;
        }
        return (short) Math.max(1, Math.min(3, brokers));
    }

    /**
     * Why an existing topic's cleanup policy does not suit Herald, or null: the compacted topics must be
     * compacted (the latest version of every post, kept for ever), the others must not be compacted only.
     */
    static String unsuitable(Topic<?> topic, String cleanupPolicy) {
        Set<String> policy = Set.of(cleanupPolicy.replace(" ", "").split(","));
        if (topic.compacted() && (!policy.contains("compact") || policy.contains("delete"))) {
            return "topic " + topic.name() + " has cleanup.policy=" + cleanupPolicy + ", but Herald keeps the latest record of every "
                    + "key there for ever: it must be cleanup.policy=compact (kafka-configs.sh --alter --entity-type topics "
                    + "--entity-name " + topic.name() + " --add-config cleanup.policy=compact)";
        }
        if (!topic.compacted() && policy.equals(Set.of("compact"))) {
            return "topic " + topic.name() + " has cleanup.policy=compact, which would drop all but the last record of each post "
                    + "there: it must be cleanup.policy=delete";
        }
        return null;
    }

    /**
     * The topics' configuration. Topics just created may not be known to the broker that answers yet
     * (its metadata follows the controller's a moment later): asked again until they are, for 30 s.
     */
    private static Map<ConfigResource, Config> describe(Admin admin, List<ConfigResource> resources) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                return admin.describeConfigs(resources).all().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    /** Creates what is missing and checks what exists; a refusal is a {@link StartupException} that says why. */
    public static void ensure(String bootstrap, Map<String, String> clientProperties, int partitions, int replication, RecordBudget budget) {
        try (Admin admin = KafkaAdmin.create(bootstrap, clientProperties, Duration.ofSeconds(30))) {
            int brokers = admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).size();
            short rf = replication(replication, brokers);
            if (rf > brokers) {
                throw new StartupException("topic-replication is " + rf + " but the cluster at " + bootstrap + " has " + brokers
                        + " broker" + (brokers == 1 ? "" : "s") + ": lower it, or 0 for as many as there are.", null);
            }
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = newTopics(partitions, rf, budget).stream().filter(t -> !existing.contains(t.name())).toList();
            if (!missing.isEmpty()) {
                try {
                    admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    // Another instance may have created one between the listing and now: that is fine.
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            List<ConfigResource> resources = Topics.all().stream()
                    .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t.name())).toList();
            Map<ConfigResource, Config> configs = describe(admin, resources);
            Map<ConfigResource, Collection<AlterConfigOp>> alter = new HashMap<>();
            Map<String, String> policies = new HashMap<>();
            for (Topic<?> t : Topics.all()) {
                ConfigResource r = new ConfigResource(ConfigResource.Type.TOPIC, t.name());
                Config c = configs.get(r);
                var policy = c.get(TopicConfig.CLEANUP_POLICY_CONFIG);
                var size = c.get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
                var tombstones = c.get(TopicConfig.DELETE_RETENTION_MS_CONFIG);
                Map<String, String> changes = upgrades(t, policy == null ? null : policy.value(), size == null ? null : size.value(),
                        tombstones == null ? null : tombstones.value(), budget);
                // Judged on what the topic will be once Herald's own upgrades are made (the broker may answer
                // a describe with the old values for a moment after the change).
                policies.put(t.name(), changes.getOrDefault(TopicConfig.CLEANUP_POLICY_CONFIG, policy == null ? null : policy.value()));
                if (!changes.isEmpty()) {
                    alter.put(r, changes.entrySet().stream().map(e -> new AlterConfigOp(
                            new ConfigEntry(e.getKey(), e.getValue()),
                            AlterConfigOp.OpType.SET)).toList());
                }
            }
            for (Topic<?> t : Topics.all()) {
                String policy = policies.get(t.name());
                String why = policy == null ? null : unsuitable(t, policy);
                if (why != null) {
                    throw new StartupException("Herald cannot use this cluster's " + why + ".", null);
                }
            }
            if (!alter.isEmpty()) {
                admin.incrementalAlterConfigs(alter).all().get(30, TimeUnit.SECONDS);
                LoggerFactory.getLogger(TopicSetup.class).info("Set {} for Herald", alter.keySet());
            }
        } catch (StartupException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("interrupted while checking the topics on " + bootstrap, e);
        } catch (Exception e) {
            throw new StartupException("cannot create or check Herald's topics on " + bootstrap + ": " + e.getMessage(), e);
        }
    }
}
