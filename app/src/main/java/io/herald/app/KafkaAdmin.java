package io.herald.app;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** An admin client for Herald's own checks (topics, health, metrics, dashboard): the passed-through client properties, a short timeout. */
public final class KafkaAdmin {

    private KafkaAdmin() {
    }

    public static Admin create(String bootstrap, Map<String, String> clientProperties, Duration timeout) {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        return Admin.create(props);
    }
}
