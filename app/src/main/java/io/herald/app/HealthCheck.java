package io.herald.app;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.kafka.clients.admin.Admin;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

/**
 * Herald is healthy when the broker answers and every route runs. The broker is asked by a
 * background thread once a second, not by each request: a monitor polling {@code /health} costs
 * no broker round trip, and a broker that stops answering shows as DOWN within about three seconds.
 */
public final class HealthCheck implements AutoCloseable {

    /** The outcome, with one line per thing checked. */
    public record Result(boolean up, Map<String, String> checks) {
    }

    private final Admin admin;
    private final CamelContext camel;
    private final Set<Stage> stages;
    private final Supplier<Map<String, String>> feeds;
    private final ScheduledExecutorService poller;
    /** The broker's state as last seen: the line shown and whether it counts as up. */
    private volatile Map.Entry<String, Boolean> kafka = Map.entry("DOWN (not checked yet)", false);

    /** @param feeds the upstream feeds' states, reported one line each (a failing feed does not make Herald DOWN) */
    public HealthCheck(String bootstrap, Map<String, String> clientProperties, CamelContext camel, Set<Stage> stages,
                       Supplier<Map<String, String>> feeds) {
        this.stages = EnumSet.copyOf(stages);
        this.camel = camel;
        this.feeds = feeds;
        this.admin = KafkaAdmin.create(bootstrap, clientProperties, Duration.ofSeconds(2));
        askBroker();
        this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "herald-health");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(this::askBroker, 1, 1, TimeUnit.SECONDS);
    }

    private void askBroker() {
        try {
            int nodes = admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).size();
            kafka = Map.entry(nodes > 0 ? "UP (" + nodes + " broker" + (nodes == 1 ? "" : "s") + ")" : "DOWN (no brokers)", nodes > 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            kafka = Map.entry("DOWN (broker not reachable)", false);
        }
    }

    public Result check() {
        Map<String, String> checks = new LinkedHashMap<>();
        Map.Entry<String, Boolean> broker = kafka;
        checks.put("kafka", broker.getKey());
        boolean up = broker.getValue();
        // Each stage this process runs, UP when all its routes run; then each route. A stage this
        // process does not run is not listed (another process answers for it).
        Map<String, String> routes = new LinkedHashMap<>();
        Map<Stage, Integer> down = new EnumMap<>(Stage.class);
        Map<Stage, Integer> total = new EnumMap<>(Stage.class);
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
            checks.put("stage " + stage.name().toLowerCase(Locale.ROOT), d == 0 && n > 0 ? "UP (" + n + " routes)"
                    : "DOWN (" + d + " of " + n + " routes not running)");
        }
        checks.putAll(routes);
        feeds.get().forEach((url, state) -> checks.put("feed " + url, state));
        return new Result(up, checks);
    }

    static Stage stageOf(String routeId) {
        for (Stage s : Stage.values()) {
            if (routeId.startsWith(s.name().toLowerCase(Locale.ROOT) + "-")) {
                return s;
            }
        }
        return null;
    }

    @Override
    public void close() {
        poller.shutdownNow();
        admin.close();
    }
}
