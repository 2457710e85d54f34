package io.herald.broker;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.concurrent.CountDownLatch;

/**
 * A real single-node Kafka broker (KRaft, combined broker and controller) running inside this JVM,
 * keeping its log under a directory so that a restart on the same directory keeps every record.
 *
 * <p>It is Kafka's own server, not a mock: what works against it works against a cluster, except
 * what needs more than one node (replication factors are 1).
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final int NODE_ID = 1;

    private final Path logDir;
    private final int port;
    private final int controllerPort;
    private final int nodeId;
    private final String voters;
    private final String clusterId;
    private final int clusterSize;
    private KafkaRaftServer server;
    private int saslPort;
    private Map<String, String> saslUsers = Map.of();

    private EmbeddedKafka(Path logDir, int port, int controllerPort, int nodeId, String voters, String clusterId, int clusterSize) {
        this.logDir = logDir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.nodeId = nodeId;
        this.voters = voters;
        this.clusterId = clusterId;
        this.clusterSize = clusterSize;
    }

    /**
     * Formats {@code logDir} if it is new, then starts the broker and waits until it answers.
     *
     * @param port the client port on 127.0.0.1, or 0 for any free port
     */
    public static EmbeddedKafka start(Path logDir, int port) {
        return start(logDir, port, Set.of());
    }

    /**
     * As {@link #start(Path, int)}, where a port chosen for the broker (its client port when
     * {@code port} is 0, and its controller port) is never one of {@code reserved}: the ports the
     * rest of the process is about to listen on, free now but not yet taken.
     */
    public static EmbeddedKafka start(Path logDir, int port, Set<Integer> reserved) {
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the Kafka log directory " + logDir, e);
        }
        Set<Integer> taken = new HashSet<>(reserved);
        if (port != 0) {
            taken.add(port);
        }
        int[] chosen = distinctFreePorts(port == 0 ? 2 : 1, taken, EmbeddedKafka::freePort);
        int clientPort = port == 0 ? chosen[0] : port;
        int controllerPort = chosen[chosen.length - 1];
        EmbeddedKafka kafka = new EmbeddedKafka(logDir.toAbsolutePath(), clientPort, controllerPort, NODE_ID,
                NODE_ID + "@127.0.0.1:" + controllerPort, null, 1);
        kafka.startServer();
        return kafka;
    }

    /**
     * Starts one node of a cluster on loopback ports (combined broker and controller), for tests that
     * need a real multi-broker cluster: every node gets the same {@code voters} ({@code id@127.0.0.1:port,...})
     * and {@code clusterId}; internal topics are replicated to three nodes (two in sync) when the
     * cluster has three or more. A node is ready once a quorum of controllers answers, so start them
     * together.
     */
    public static EmbeddedKafka startNode(Path logDir, int nodeId, int clientPort, int controllerPort, String voters, String clusterId,
                                          int clusterSize) {
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the Kafka log directory " + logDir, e);
        }
        EmbeddedKafka kafka = new EmbeddedKafka(logDir.toAbsolutePath(), clientPort, controllerPort, nodeId, voters, clusterId, clusterSize);
        kafka.startServer();
        return kafka;
    }

    /**
     * A single node as {@link #start} makes it, with a second client listener that needs SASL/PLAIN
     * (SASL_PLAINTEXT) from these users: for tests that Herald reaches a secured cluster through the
     * Kafka client properties it passes through. {@link #saslBootstrapServers()} is its address.
     */
    public static EmbeddedKafka startWithSasl(Path logDir, Map<String, String> users) {
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the Kafka log directory " + logDir, e);
        }
        // Three ports, each free when asked and none the same: the system may hand a port it just gave out
        // (its probe socket closed) out again, and two listeners on one port stop the broker.
        int[] ports = distinctFreePorts(3, Set.of(), EmbeddedKafka::freePort);
        int controllerPort = ports[1];
        EmbeddedKafka kafka = new EmbeddedKafka(logDir.toAbsolutePath(), ports[0], controllerPort, NODE_ID,
                NODE_ID + "@127.0.0.1:" + controllerPort, null, 1);
        kafka.saslPort = ports[2];
        kafka.saslUsers = Map.copyOf(users);
        kafka.startServer();
        return kafka;
    }

    /** {@code host:port} of the SASL_PLAINTEXT listener ({@link #startWithSasl}). */
    public String saslBootstrapServers() {
        return "127.0.0.1:" + saslPort;
    }

    /** {@code host:port} for clients. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public Path logDir() {
        return logDir;
    }

    /**
     * Creates the topics that do not exist yet (partitions as given, replication factor 1) with
     * their topic-level configuration. Existing topics are left as they are.
     */
    public void createTopics(List<NewTopic> topics) {
        createTopics(bootstrapServers(), topics);
    }

    /** The same, against any cluster. */
    public static void createTopics(String bootstrapServers, List<NewTopic> topics) {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t.name())).toList();
            if (missing.isEmpty()) {
                return;
            }
            try {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                // Another instance may have created it between the listing and now: that is fine.
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot create topics on " + bootstrapServers + ": " + e.getMessage(), e);
        }
    }

    private void startServer() {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", String.valueOf(nodeId));
        props.put("controller.quorum.voters", voters);
        String sasl = saslPort == 0 ? "" : ",SASL_PLAINTEXT://127.0.0.1:" + saslPort;
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort + sasl);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port + sasl);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"
                + (saslPort == 0 ? "" : ",SASL_PLAINTEXT:SASL_PLAINTEXT"));
        if (saslPort != 0) {
            props.put("sasl.enabled.mechanisms", "PLAIN");
            StringBuilder jaas = new StringBuilder("org.apache.kafka.common.security.plain.PlainLoginModule required");
            saslUsers.forEach((user, password) -> jaas.append(" user_").append(user).append("=\"").append(password).append('"'));
            props.put("listener.name.sasl_plaintext.plain.sasl.jaas.config", jaas.append(';').toString());
        }
        props.put("log.dirs", logDir.toString());
        props.put("num.partitions", "1");
        String replicas = String.valueOf(Math.min(3, clusterSize));
        String inSync = clusterSize >= 3 ? "2" : "1";
        props.put("default.replication.factor", replicas);
        props.put("min.insync.replicas", inSync);
        props.put("offsets.topic.replication.factor", replicas);
        props.put("offsets.topic.num.partitions", clusterSize == 1 ? "1" : "3");
        props.put("transaction.state.log.replication.factor", replicas);
        props.put("transaction.state.log.min.isr", inSync);
        props.put("share.coordinator.state.topic.replication.factor", replicas);
        props.put("share.coordinator.state.topic.min.isr", inSync);
        // Consumer groups need not wait for members that may still join.
        props.put("group.initial.rebalance.delay.ms", "0");
        // After a crash the log is recovered from the last recovery-point checkpoint: checkpointing
        // every few seconds (instead of every minute) leaves little to recover, so a restart is quick.
        props.put("log.flush.offset.checkpoint.interval.ms", "2000");
        props.put("log.flush.start.offset.checkpoint.interval.ms", "2000");
        props.put("num.recovery.threads.per.data.dir", "2");
        // After a crash the controller refuses the restarted broker (DUPLICATE_BROKER_REGISTRATION)
        // until the dead incarnation's session expires: 9 s by default, 3 s here. The heartbeats that
        // keep a live broker's session are local, every half second.
        props.put("broker.session.timeout.ms", "3000");
        props.put("broker.heartbeat.interval.ms", "500");
        // Keep a laptop's footprint small; compaction still runs so the enriched topic stays bounded.
        props.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
        props.put("log.segment.bytes", String.valueOf(64 * 1024 * 1024));
        props.put("auto.create.topics.enable", "false");
        KafkaConfig config = new KafkaConfig(props, false);

        if (!Files.exists(logDir.resolve("meta.properties"))) {
            format(config);
        }
        long started = System.nanoTime();
        server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        awaitReady(Duration.ofSeconds(60));
        LOG.info("Embedded Kafka broker ready on {} in {} ms (log: {})", bootstrapServers(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), logDir);
    }

    private void format(KafkaConfig config) {
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .setClusterId(clusterId != null ? clusterId : Uuid.randomUuid().toString())
                    .setNodeId(nodeId)
                    .setControllerListenerName("CONTROLLER")
                    .setMetadataLogDirectory(config.metadataLogDir())
                    .setDirectories(List.of(logDir.toString()))
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("cannot format the Kafka log directory " + logDir + ": " + e.getMessage(), e);
        }
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000))) {
            while (System.nanoTime() < deadline) {
                try {
                    if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception e) {
                    last = e;
                }
            }
        }
        close();
        throw new IllegalStateException("the embedded Kafka broker did not become ready within " + timeout, last);
    }

    /** Stops the broker and waits until its files are closed. Safe to call twice. */
    @Override
    public void close() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
            LOG.info("Embedded Kafka broker stopped");
        }
    }

    /**
     * Runs the broker on its own, for tests that need a broker in another process (to stop and
     * start it under a running Herald): {@code EmbeddedKafka <log dir> <port>}. Prints
     * {@code READY <bootstrap>} when it answers; stops on SIGTERM.
     */
    public static void main(String[] args) throws InterruptedException {
        // EmbeddedKafka node <log dir> <node id> <client port> <controller port> <voters> <cluster id> <cluster size>
        EmbeddedKafka kafka = args[0].equals("node")
                ? startNode(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]), args[5],
                        args[6], Integer.parseInt(args[7]))
                : start(Path.of(args[0]), Integer.parseInt(args[1]));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.close();
            stopped.countDown();
        }));
        System.out.println("READY " + kafka.bootstrapServers());
        System.out.flush();
        stopped.await();
    }

    /**
     * The first port from {@code source} that is not in {@code reserved}. The system hands out any
     * free port, and one a process has checked but not bound yet is free: it must be passed over.
     */
    static int freePortOtherThan(Set<Integer> reserved, IntSupplier source) {
        for (int tries = 0; tries < 100; tries++) {
            int port = source.getAsInt();
            if (!reserved.contains(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free local port other than " + reserved);
    }

    /** {@code n} ports from {@code source}, none in {@code reserved} and no two the same. */
    static int[] distinctFreePorts(int n, Set<Integer> reserved, IntSupplier source) {
        Set<Integer> taken = new HashSet<>(reserved);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = freePortOtherThan(taken, source);
            taken.add(out[i]);
        }
        return out;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free local port", e);
        }
    }
}
