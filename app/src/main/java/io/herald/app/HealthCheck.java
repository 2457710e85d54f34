package io.herald.app;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** Herald is healthy when the broker answers and every route runs. */
public final class HealthCheck implements AutoCloseable {

    /** The outcome, with one line per thing checked. */
    public record Result(boolean up, Map<String, String> checks) {
    }

    private final Admin admin;
    private final CamelContext camel;
    private final java.util.function.Supplier<Map<String, String>> feeds;

    /** @param feeds the upstream feeds' states, reported one line each (a failing feed does not make Herald DOWN) */
    public HealthCheck(String bootstrap, Map<String, String> clientProperties, CamelContext camel,
                       java.util.function.Supplier<Map<String, String>> feeds) {
        this.camel = camel;
        this.feeds = feeds;
        Map<String, Object> props = new java.util.HashMap<>(clientProperties);
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2_000);
        this.admin = Admin.create(props);
    }

    public Result check() {
        Map<String, String> checks = new LinkedHashMap<>();
        boolean up = true;
        try {
            int nodes = admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).size();
            checks.put("kafka", nodes > 0 ? "UP (" + nodes + " broker" + (nodes == 1 ? "" : "s") + ")" : "DOWN (no brokers)");
            up = nodes > 0;
        } catch (Exception e) {
            checks.put("kafka", "DOWN (broker not reachable)");
            up = false;
        }
        for (Route route : camel.getRoutes()) {
            ServiceStatus status = camel.getRouteController().getRouteStatus(route.getRouteId());
            boolean started = status != null && status.isStarted();
            checks.put("route " + route.getRouteId(), started ? "UP" : "DOWN (" + status + ")");
            up &= started;
        }
        feeds.get().forEach((url, state) -> checks.put("feed " + url, state));
        return new Result(up, checks);
    }

    @Override
    public void close() {
        admin.close();
    }
}
