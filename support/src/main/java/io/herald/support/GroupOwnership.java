package io.herald.support;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;

/**
 * Which instance holds which partition of the shared consumer groups, as the cluster says (asked
 * every two seconds): what lets several instances of a stage split work that is not a record's
 * arrival. A newsletter retry or a digest is made by the instance whose delivery (or newsletter)
 * consumer holds its key's partition, so each is made once however many publish instances run, and
 * made by another when that one stops; consumer lag is reported by the instance holding the
 * partition, so it is reported once. An instance is known by its static group membership id.
 */
public final class GroupOwnership implements AutoCloseable {

    /** Who holds what, as last seen. */
    public record Snapshot(Map<String, Map<TopicPartition, String>> owners, Map<String, Integer> partitions) {
    }

    private static final Snapshot NOTHING = new Snapshot(Map.of(), Map.of());

    private final String instanceId;
    private final Admin admin;
    private final ScheduledExecutorService poller;
    private final boolean alone;
    private volatile Snapshot snapshot = NOTHING;

    private GroupOwnership(String instanceId, Admin admin, boolean alone) {
        this.instanceId = instanceId;
        this.admin = admin;
        this.alone = alone;
        if (admin == null) {
            this.poller = null;
            return;
        }
        this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "herald-group-ownership");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(this::refresh, 0, 2, TimeUnit.SECONDS);
    }

    /** Asks the cluster (through this admin client, closed with this) who holds the shared groups' partitions. */
    public static GroupOwnership of(String instanceId, Admin admin) {
        return new GroupOwnership(instanceId, admin, false);
    }

    /** For a process that is the only instance (route tests): it owns everything. */
    public static GroupOwnership alone() {
        return new GroupOwnership("alone", null, true);
    }

    public String instanceId() {
        return instanceId;
    }

    /** Asks the cluster now (a scrape of the metrics does, so the lag it reports is by the holders of this moment). */
    public void refresh() {
        if (admin == null) {
            return;
        }
        try {
            // Each group on its own: one that does not exist yet (no newsletter webhook, say) is none of the others' business.
            Map<String, ConsumerGroupDescription> groups = new HashMap<>();
            for (var f : admin.describeConsumerGroups(ConsumerGroups.SHARED).describedGroups().entrySet()) {
                try {
                    groups.put(f.getKey(), f.getValue().get(2, TimeUnit.SECONDS));
                } catch (java.util.concurrent.ExecutionException noSuchGroup) {
                    // not there (yet): nobody holds its partitions
                }
            }
            Map<String, Map<TopicPartition, String>> owners = new HashMap<>();
            Map<String, Integer> partitions = new HashMap<>(snapshot.partitions());
            for (var g : groups.entrySet()) {
                Map<TopicPartition, String> held = new HashMap<>();
                for (MemberDescription m : g.getValue().members()) {
                    String id = m.groupInstanceId().orElse(m.consumerId());
                    m.assignment().topicPartitions().forEach(tp -> held.put(tp, id));
                }
                owners.put(g.getKey(), Map.copyOf(held));
                held.keySet().forEach(tp -> partitions.putIfAbsent(tp.topic(), 0));
            }
            List<String> unknown = partitions.entrySet().stream().filter(e -> e.getValue() == 0).map(Map.Entry::getKey).toList();
            if (!unknown.isEmpty()) {
                admin.describeTopics(unknown).allTopicNames().get(2, TimeUnit.SECONDS)
                        .forEach((topic, d) -> partitions.put(topic, d.partitions().size()));
            }
            snapshot = new Snapshot(Map.copyOf(owners), Map.copyOf(partitions));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // The broker is away: keep what was last seen (health says why).
        }
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    /** Whether this instance holds this partition in that group. */
    public boolean owns(String group, TopicPartition partition) {
        return alone || instanceId.equals(snapshot.owners().getOrDefault(group, Map.of()).get(partition));
    }

    /**
     * Whether this instance holds, in that group, the partition a record with this key is written to
     * (Kafka's default partitioner: murmur2 of the key's bytes); false while that is not known yet.
     */
    public boolean ownsKey(String group, String topic, String key) {
        if (alone) {
            return true;
        }
        Integer n = snapshot.partitions().get(topic);
        if (n == null || n == 0) {
            return false;
        }
        int partition = Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % n;
        return owns(group, new TopicPartition(topic, partition));
    }

    @Override
    public void close() {
        if (poller != null) {
            poller.shutdownNow();
            admin.close();
        }
    }
}
