package io.herald.app;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.kafka.clients.admin.Admin;

/** Herald is healthy when the broker answers and every route runs. */
public final class HealthCheck implements AutoCloseable {

    /** The outcome, with one line per thing checked. */
    public record Result(boolean up, Map<String, String> checks) {
    }

    private final Admin admin;
    private final CamelContext camel;
    private final java.util.Set<Stage> stages;
    private final java.util.function.Supplier<Map<String, String>> feeds;

    /** @param feeds the upstream feeds' states, reported one line each (a failing feed does not make Herald DOWN) */
    public HealthCheck(String bootstrap, Map<String, String> clientProperties, CamelContext camel, java.util.Set<Stage> stages,
                       java.util.function.Supplier<Map<String, String>> feeds) {
        this.stages = java.util.EnumSet.copyOf(stages);
        this.camel = camel;
        this.feeds = feeds;
        this.admin = KafkaAdmin.create(bootstrap, clientProperties, java.time.Duration.ofSeconds(2));
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
        // Each stage this process runs, UP when all its routes run; then each route. A stage this
        // process does not run is not listed (another process answers for it).
        Map<String, String> routes = new LinkedHashMap<>();
        Map<Stage, Integer> down = new java.util.EnumMap<>(Stage.class);
        Map<Stage, Integer> total = new java.util.EnumMap<>(Stage.class);
        for (Route route : camel.getRoutes()) {
            ServiceStatus status = camel.getRouteController().getRouteStatus(route.getRouteId());
            boolean started = status != null && status.isStarted();
            routes.put("route " + route.getRouteId(), started ? "UP" : "DOWN (" + status + ")");
            up &= started;
            Stage stage = stageOf(route.getRouteId());
            if (stage != null) {
                total.merge(stage, 1, Integer::sum);
                down.merge(stage, started ? 0 : 1, Integer::sum);
            }
        }
        for (Stage stage : stages) {
            int n = total.getOrDefault(stage, 0);
            int d = down.getOrDefault(stage, 0);
            checks.put("stage " + stage.name().toLowerCase(java.util.Locale.ROOT), d == 0 && n > 0 ? "UP (" + n + " routes)"
                    : "DOWN (" + d + " of " + n + " routes not running)");
        }
        checks.putAll(routes);
        feeds.get().forEach((url, state) -> checks.put("feed " + url, state));
        return new Result(up, checks);
    }

    static Stage stageOf(String routeId) {
        for (Stage s : Stage.values()) {
            if (routeId.startsWith(s.name().toLowerCase(java.util.Locale.ROOT) + "-")) {
                return s;
            }
        }
        return null;
    }

    @Override
    public void close() {
        admin.close();
    }
}
