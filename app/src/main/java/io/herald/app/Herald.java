package io.herald.app;

import io.herald.broker.EmbeddedKafka;
import io.herald.ingest.IngestStage;
import io.herald.publish.PublishStage;
import io.herald.support.HttpGate;
import io.herald.support.GroupOwnership;
import java.time.Duration;
import io.herald.support.Settings;
import io.herald.transform.TransformStage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.component.kafka.KafkaComponent;
import org.apache.camel.component.kafka.KafkaConfiguration;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.herald.app.dashboard.DashboardData;
import io.herald.app.dashboard.DashboardRoute;
import io.herald.app.dashboard.IngestDoor;
import io.herald.app.dashboard.PreviewRoute;
import io.herald.support.CloudEventHeaders;
import io.herald.support.HttpRouter;
import io.herald.support.RecordBudget;
import java.util.HashMap;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.camel.support.service.ServiceSupport;

/**
 * One running Herald: the chosen stages' routes in one Camel context, serving HTTP on one port,
 * against the configured Kafka cluster or a broker embedded in this process. {@link #close()}
 * stops the routes first and the broker last, so nothing in flight is cut off.
 */
public final class Herald implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Herald.class);

    private final Settings config;
    private final EmbeddedKafka embedded;
    private final String bootstrap;
    private final CamelContext camel;
    private final PublishStage publish;
    private final HealthCheck health;

    private final HeraldMetrics metrics;

    private final GroupOwnership ownership;

    private Herald(Settings config, EmbeddedKafka embedded, String bootstrap, CamelContext camel, PublishStage publish, HealthCheck health,
                   HeraldMetrics metrics, GroupOwnership ownership) {
        this.publish = publish;
        this.metrics = metrics;
        this.ownership = ownership;
        this.config = config;
        this.embedded = embedded;
        this.bootstrap = bootstrap;
        this.camel = camel;
        this.health = health;
    }

    public static Herald start(Settings config, Set<Stage> stages) {
        ensureWritable(config.dataDir(), "data dir");
        if (stages.contains(Stage.INGEST)) {
            ensureWritable(config.inbox(), "inbox");
        }
        if (stages.contains(Stage.PUBLISH)) {
            ensureWritable(config.out(), "out");
        }
        ensurePortFree(config.port());
        if (!config.loopbackOnly() && config.apiToken().isEmpty()) {
            throw new StartupException("Herald would listen on " + config.host() + " with no api-token, so anyone who can reach "
                    + "port " + config.port() + " could publish and delete posts: set a token (--api-token=SECRET, or HERALD_API_TOKEN), "
                    + "or listen on this machine only (--host=127.0.0.1, the default).", null);
        }
        LogFormat.apply(config.logFormat());
        LOG.info("Starting {} with {}", stages, config);

        EmbeddedKafka embedded = null;
        CamelContext camel = null;
        HealthCheck health = null;
        HeraldMetrics metrics = null;
        GroupOwnership ownership = null;
        PublishStage publishStage = null;
        long t0 = System.nanoTime();
        // What needs no broker is done while the broker starts: the enrichment's dictionaries and
        // language profiles load, its code is run once (a first post is then as quick as the next).
        CompletableFuture<Void> warmUp = stages.contains(Stage.TRANSFORM)
                ? CompletableFuture.runAsync(TransformStage::warmUp)
                : CompletableFuture.completedFuture(null);
        try {
            String bootstrap;
            if (config.kafkaBootstrap().isPresent()) {
                bootstrap = config.kafkaBootstrap().get();
            } else {
                // The HTTP port is checked free but not bound until Camel starts: the broker must not take it.
                embedded = EmbeddedKafka.start(config.dataDir().resolve("kafka"), config.embeddedKafkaPort(), Set.of(config.port()));
                bootstrap = embedded.bootstrapServers();
            }
            long brokerAt = System.nanoTime();
            TopicSetup.ensure(bootstrap, config.kafkaProperties(), config.topicPartitions(), config.topicReplication(),
                    RecordBudget.forPosts(config.maxPostBytes()));

            camel = new DefaultCamelContext();
            // The one size budget, for every route that writes a record (RecordBudget.check).
            camel.getRegistry().bind(RecordBudget.BEAN, RecordBudget.forPosts(config.maxPostBytes()));
            camel.addComponent("kafka", kafka(bootstrap, config.kafkaProperties(), InstanceId.of(config.dataDir()),
                    RecordBudget.forPosts(config.maxPostBytes())));
            VertxPlatformHttpServerConfiguration http = new VertxPlatformHttpServerConfiguration();
            http.setBindHost(config.host());
            http.setBindPort(config.port());
            // Bodies over the limit are refused before they are read (ingest answers them with problem+json).
            http.setMaxBodySize(config.maxPostBytes());
            VertxPlatformHttpServer httpServer = new VertxPlatformHttpServer(http);
            camel.addService(httpServer);
            // The gate (Host, Origin, token) is on the router before any route is: no request reaches a
            // route, and no body is read, without passing it.
            HttpGate gate = new HttpGate(config.apiToken(), config.ghostWebhookSecret().isPresent(), config.baseUrl(), config.host(),
                    config.allowedHosts(), config.requestTimeout());
            CamelContext context = camel;
            camel.addService(new ServiceSupport() {
                @Override
                protected void doStart() {
                    gate.install(HttpRouter.of(context));
                }
            });
            camel.getShutdownStrategy().setTimeout(10);
            camel.getShutdownStrategy().setLogInflightExchangesOnTimeout(true);

            List<RouteBuilder> routes = new ArrayList<>();
            List<RouteConfigurationBuilder> routeConfigurations = new ArrayList<>();
            // Each stage rebuilds its state from the topics; they read different topics, so at the same
            // time (a restart is that much quicker).
            IngestStage ingest = stages.contains(Stage.INGEST) ? new IngestStage(config) : null;
            TransformStage transform = stages.contains(Stage.TRANSFORM) ? new TransformStage(config) : null;
            PublishStage publish = stages.contains(Stage.PUBLISH) ? new PublishStage(config) : null;
            // Its local store (RocksDB) is let go of once Camel, and every route that writes it, has stopped.
            publishStage = publish;
            List<CompletableFuture<Void>> rebuilds = new ArrayList<>();
            if (ingest != null) {
                IngestStage i = ingest;
                rebuilds.add(CompletableFuture.runAsync(() -> i.rebuild(bootstrap)));
            }
            if (transform != null) {
                rebuilds.add(CompletableFuture.runAsync(() -> transform.rebuild(bootstrap)));
            }
            if (publish != null) {
                rebuilds.add(CompletableFuture.runAsync(() -> publish.rebuild(bootstrap)));
            }
            try {
                CompletableFuture.allOf(rebuilds.toArray(CompletableFuture[]::new)).join();
                warmUp.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
            long statesAt = System.nanoTime();
            if (ingest != null) {
                routeConfigurations.addAll(ingest.routeConfigurations());
                routes.addAll(ingest.routes());
            }
            if (transform != null) {
                routes.addAll(transform.routes());
            }
            // Who holds which partition of the shared groups: retries, digests and lag are each this instance's or another's.
            ownership = GroupOwnership.of(InstanceId.of(config.dataDir()), KafkaAdmin.create(bootstrap, config.kafkaProperties(),
                    Duration.ofSeconds(2)));
            if (publish != null) {
                publish.ownership(ownership);
                routeConfigurations.addAll(publish.routeConfigurations());
                routes.addAll(publish.routes());
            }
            health = new HealthCheck(bootstrap, config.kafkaProperties(), camel, stages, ingest == null ? Map::of : ingest::feedStates);
            routes.add(new HealthRoute(health));
            // Publishing, checking and retries are ingest's: here, or at ingest-url where publish runs without it.
            IngestDoor door = IngestDoor.of(Optional.ofNullable(ingest), config.ingestUrl(),
                    // a second inside this process's own limit, so the caller gets ingest's silence as a problem of ours
                    config.requestTimeout().compareTo(Duration.ofSeconds(2)) > 0 ? config.requestTimeout().minusSeconds(1) : config.requestTimeout());
            if (publish != null) {
                // The dashboard lives with publish (it shows the posts as served); it checks drafts when ingest runs here too.
                var data = new DashboardData(bootstrap, config.kafkaProperties(), publish.store());
                camel.addService(new ServiceSupport() {
                    @Override
                    protected void doStop() {
                        data.close();
                    }
                });
                HealthCheck checks = health;
                routes.add(new DashboardRoute(data, () -> checks.check().checks(), door, config.apiToken()));
            }
            if (ingest != null || publish != null) {
                routes.add(new PreviewRoute(door));
            }
            metrics = new HeraldMetrics(bootstrap, config.kafkaProperties(), ownership, stages, publish);
            camel.getManagementStrategy().addEventNotifier(metrics);
            routes.add(new MetricsRoute(metrics));
            routes.add(new OpenApiRoute(config.baseUrl(), AppHttp.surface(stages)));
            for (RouteConfigurationBuilder c : routeConfigurations) {
                camel.addRoutesConfigurations(c);
            }
            for (RouteBuilder r : routes) {
                camel.addRoutes(r);
            }
            camel.start();
            requireListening(httpServer, config.port());
            metrics.countRoutes(camel);
            if (publish != null) {
                publish.installFeedServer(camel);
                metrics.countFeedRequests(publish.feedServer().requestsByStatus());
            }
            if (ingest != null) {
                ingest.installHttpAnswers(camel);
            }
            LOG.info("Herald is up on http://localhost:{} running {} (Kafka: {}) in {} ms (broker {} ms, topics and state {} ms, routes {} ms)",
                    config.port(), stages, embedded == null ? bootstrap : "embedded at " + bootstrap + ", log in " + embedded.logDir(),
                    millis(t0), millis(t0) - millis(brokerAt), millis(brokerAt) - millis(statesAt), millis(statesAt));
            return new Herald(config, embedded, bootstrap, camel, publishStage, health, metrics, ownership);
        } catch (RuntimeException | Error e) {
            closeQuietly(camel, publishStage, health, metrics, ownership, embedded);
            throw e;
        } catch (Exception e) {
            closeQuietly(camel, publishStage, health, metrics, ownership, embedded);
            throw new StartupException("Herald could not start: " + e.getMessage(), e);
        }
    }

    private static long millis(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }

    private static KafkaComponent kafka(String bootstrap, Map<String, String> clientProperties, String instanceId,
                                        RecordBudget budget) {
        KafkaConfiguration c = new KafkaConfiguration();
        // Static membership: each consumer of this process is in a group of its own kind (transform,
        // newsletter, social, delivery, this instance's store), so one id per process is unique in
        // each group; restarted, the instance gets its partitions back at once.
        c.setGroupInstanceId(instanceId);
        // An instance that died (not restarted) has its partitions handed on after 15 s, not 45.
        c.setSessionTimeoutMs(15_000);
        c.setHeartbeatIntervalMs(3_000);
        c.setBrokers(bootstrap);
        // SASL, TLS and any other client property, passed through as given (kafka.<property>).
        c.setAdditionalProperties(new HashMap<>(clientProperties));
        // Reliability first: a record is acknowledged once every in-sync replica has it, and a
        // retried send cannot be written twice.
        c.setRequestRequiredAcks("all");
        c.setEnableIdempotence(true);
        // Latency matters more than batching for posts that arrive one at a time.
        c.setLingerMs(0);
        // One size budget from intake to every topic: the producers take what the topics take (what the
        // largest post can become); a record beyond it is caught before it is written (RecordBudget.check)
        // and goes to the DLQ, so it never stalls the records behind it.
        c.setMaxRequestSize(budget.producerRequestBytes());
        c.setBufferMemorySize((int) Math.min(Integer.MAX_VALUE, budget.producerBufferBytes()));
        // With the broker down, a send gives up after 10 s (HTTP answers 503, the inbox file stays)
        // instead of Kafka's default minute.
        c.setMaxBlockMs(10_000);
        c.setRequestTimeoutMs(10_000);
        c.setDeliveryTimeoutMs(20_000);
        // Shutdown waits for a poll to return; a short poll keeps Ctrl-C quick.
        c.setPollTimeoutMs(100L);
        c.setAutoOffsetReset("earliest");
        // A record whose processing failed (its output, or its DLQ record, could not be written) is
        // not committed past: the consumer seeks back and tries it again, so nothing is skipped.
        c.setBreakOnFirstError(true);
        // CloudEvents attributes (binary mode headers) on every record written: see CloudEventHeaders.
        c.setInterceptorClasses(CloudEventHeaders.class.getName());
        KafkaComponent kafka = new KafkaComponent();
        kafka.setConfiguration(c);
        return kafka;
    }

    private static void ensureWritable(Path dir, String what) {
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".herald-write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new StartupException("The " + what + " " + dir.toAbsolutePath() + " is not writable ("
                    + e.getClass().getSimpleName() + "): choose another with --" + what.replace(' ', '-') + ".", e);
        }
    }

    /**
     * Vert.x logs a failed bind and goes on, so Camel starts without its HTTP server: whatever holds
     * the port (taken between the check and the bind) would answer Herald's callers. Start-up stops.
     */
    static void requireListening(VertxPlatformHttpServer server, int port) {
        // HttpServer's public API has no "is listening" (actualPort() is the asked-for port either way);
        // its implementation, Vert.x's TCPServerBase, says so. HeraldJarIT holds this to what a user sees.
        if (server.getServer() == null
                || server.getServer() instanceof io.vertx.core.net.impl.TCPServerBase tcp && !tcp.isListening()) {
            throw portInUse(port, null);
        }
    }

    private static StartupException portInUse(int port, Exception cause) {
        return new StartupException("Port " + port + " is already in use: stop what uses it, or choose another with --port.", cause);
    }

    private static void ensurePortFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(port));
        } catch (IOException e) {
            throw portInUse(port, e);
        }
    }

    public String bootstrapServers() {
        return bootstrap;
    }

    public Settings config() {
        return config;
    }

    public CamelContext camel() {
        return camel;
    }

    public boolean healthy() {
        return health.check().up();
    }

    @Override
    public void close() {
        closeQuietly(camel, publish, health, metrics, ownership, embedded);
    }

    private static void closeQuietly(CamelContext camel, PublishStage publish, HealthCheck health, HeraldMetrics metrics,
                                     GroupOwnership ownership, EmbeddedKafka embedded) {
        if (camel != null) {
            try {
                camel.close();
            } catch (Exception e) {
                LOG.warn("Stopping the routes failed: {}", e.getMessage());
            }
        }
        if (publish != null) {
            publish.close();
        }
        if (health != null) {
            health.close();
        }
        if (metrics != null) {
            metrics.close();
        }
        if (ownership != null) {
            ownership.close();
        }
        if (embedded != null) {
            embedded.close();
        }
    }
}
