package io.herald.support;

import io.herald.events.Topic;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.ConfigResource;

/**
 * What a local copy of a compacted topic must know of it to trust a checkpoint: the topic's id (a topic
 * deleted and made again under the same name has another), and how long its tombstones stay
 * ({@code delete.retention.ms}): a copy checkpointed longer ago than that may have missed a deletion.
 */
public record TopicFacts(String id, Duration tombstonesKept) {

    /** Asked of the cluster, one topic at a time. */
    public static Map<String, TopicFacts> of(String bootstrapServers, Map<String, String> clientProperties, List<Topic<?>> topics,
                                             Duration timeout) throws Exception {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        Map<String, TopicFacts> facts = new HashMap<>();
        try (Admin admin = Admin.create(props)) {
            List<String> names = topics.stream().map(Topic::name).toList();
            var described = admin.describeTopics(names).allTopicNames().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            List<ConfigResource> resources = names.stream().map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n)).toList();
            var configs = admin.describeConfigs(resources).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            for (ConfigResource r : resources) {
                var entry = configs.get(r).get("delete.retention.ms");
                long kept = entry == null || entry.value() == null ? Duration.ofDays(1).toMillis() : Long.parseLong(entry.value());
                facts.put(r.name(), new TopicFacts(described.get(r.name()).topicId().toString(), Duration.ofMillis(kept)));
            }
        }
        return facts;
    }
}
