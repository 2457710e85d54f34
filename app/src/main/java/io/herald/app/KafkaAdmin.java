package io.herald.app;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import java.util.Collection;
import java.util.concurrent.TimeUnit;

/** An admin client for Herald's own checks (topics, health, metrics, dashboard): the passed-through client properties, a short timeout. */
public final class KafkaAdmin {

    private KafkaAdmin() {
    }

    /** Where a partition's records start and end (the next offset to be written). */
    public record Range(long start, long end) {
        public long records() {
            return end - start;
        }
    }

    /** The first and next offsets of each partition, asked in two requests. */
    public static Map<TopicPartition, Range> ranges(Admin admin, Collection<TopicPartition> partitions, Duration timeout)
            throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        partitions.forEach(tp -> {
            latest.put(tp, OffsetSpec.latest());
            earliest.put(tp, OffsetSpec.earliest());
        });
        var ends = admin.listOffsets(latest).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        var starts = admin.listOffsets(earliest).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        Map<TopicPartition, Range> ranges = new HashMap<>();
        partitions.forEach(tp -> ranges.put(tp, new Range(starts.get(tp).offset(), ends.get(tp).offset())));
        return ranges;
    }

    public static Admin create(String bootstrap, Map<String, String> clientProperties, Duration timeout) {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        return Admin.create(props);
    }
}
