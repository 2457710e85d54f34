package io.herald.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * The {@code herald} command: {@code run} starts every stage in one JVM (with an embedded Kafka
 * broker unless one is configured); {@code ingest}, {@code transform} and {@code publish} run one
 * stage against a Kafka cluster.
 */
@Command(name = "herald", mixinStandardHelpOptions = true, versionProvider = HeraldCommand.Version.class,
        description = "Syndicates Q&A posts: ingest, transform and publish over Kafka.",
        subcommands = {HeraldCommand.Run.class, HeraldCommand.Ingest.class, HeraldCommand.Transform.class,
                HeraldCommand.Publish.class})
public final class HeraldCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine(args).execute(args));
    }

    static CommandLine commandLine(String[] args) {
        CommandLine cli = new CommandLine(new HeraldCommand());
        cli.setDefaultValueProvider(new Defaults(configFile(args)));
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof StartupException) {
                cmd.getErr().println("herald: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Options every command shares. */
    static final class Options {
        @Option(names = "--kafka-bootstrap", paramLabel = "HOST:PORT,...",
                description = "Kafka bootstrap servers. Absent: run a broker inside Herald (herald run only).")
        String kafkaBootstrap;

        @Option(names = "--embedded-kafka-port", paramLabel = "PORT",
                description = "Client port of the embedded broker, 0 for any free one (default: ${DEFAULT-VALUE}).")
        int embeddedKafkaPort;

        @Option(names = "--topic-partitions", paramLabel = "N",
                description = "Partitions of the post topics when Herald creates them (default: ${DEFAULT-VALUE}).")
        int topicPartitions;

        @Option(names = "--port", description = "HTTP port (default: ${DEFAULT-VALUE}).")
        int port;

        @Option(names = "--data-dir", paramLabel = "DIR", description = "Data folder (default: ${DEFAULT-VALUE}).")
        Path dataDir;

        @Option(names = "--inbox", paramLabel = "DIR", description = "Watched folder for new posts (default: ${DEFAULT-VALUE}).")
        Path inbox;

        @Option(names = "--out", paramLabel = "DIR", description = "Static feed export folder (default: ${DEFAULT-VALUE}).")
        Path out;

        @Option(names = "--base-url", paramLabel = "URL",
                description = "Public URL used in feed links (default: http://localhost:<port>).")
        String baseUrl;

        @Option(names = "--api-token", paramLabel = "TOKEN", description = "When set, POST needs \"Authorization: Bearer TOKEN\".")
        String apiToken;

        @Option(names = "--max-post-bytes", paramLabel = "BYTES", description = "Largest post accepted (default: ${DEFAULT-VALUE}).")
        long maxPostBytes;

        @Option(names = "--feeds", paramLabel = "URL,...", split = ",",
                description = "Upstream RSS/Atom feeds to poll; each new or changed entry becomes a post.")
        List<String> feeds;

        @Option(names = "--feed-poll-seconds", paramLabel = "SECONDS",
                description = "How often the upstream feeds are polled (default: ${DEFAULT-VALUE}).")
        long feedPollSeconds;

        @Option(names = "--minor-edit-threshold", paramLabel = "SHARE",
                description = "An edit that changes at most this share of a post's words (and neither its title nor its "
                        + "number of questions) is a typo fix: not announced again (default: ${DEFAULT-VALUE}).")
        double minorEditThreshold;

        @Option(names = "--feed-size", paramLabel = "N",
                description = "Entries in a feed document; older ones are on archive pages (default: ${DEFAULT-VALUE}).")
        int feedSize;

        @Option(names = "--websub-hub", paramLabel = "URL",
                description = "WebSub hub to ping when a feed changes, and to advertise in every feed.")
        String websubHub;

        @Option(names = "--newsletter-on-edit", paramLabel = "none|correction",
                description = "What a significant edit sends to newsletters: nothing, or a correction (default: ${DEFAULT-VALUE}).")
        String newsletterOnEdit;

        @Option(names = "--newsletter-webhook", paramLabel = "URL",
                description = "POST every newsletter payload here (retried with backoff; failures go to the DLQ).")
        String newsletterWebhook;

        @Option(names = "--newsletter-digest", paramLabel = "off|daily@HH:MM|weekly@DAY@HH:MM",
                description = "Digest schedule, UTC (default: ${DEFAULT-VALUE}).")
        String newsletterDigest;

        @Option(names = "--social-platforms", paramLabel = "x,mastodon,bluesky,linkedin", split = ",",
                description = "Networks to write snippets for (default: ${DEFAULT-VALUE}).")
        List<String> socialPlatforms;

        @Option(names = "--social-threads", paramLabel = "true|false", arity = "1",
                description = "Also write one numbered snippet per Q&A pair (default: ${DEFAULT-VALUE}).")
        boolean socialThreads;

        @Option(names = "--hold-seconds", paramLabel = "SECONDS",
                description = "Wait before newsletters and snippets go out; a deletion meanwhile cancels them "
                        + "(default: ${DEFAULT-VALUE}).")
        long holdSeconds;

        @Option(names = "--config", paramLabel = "FILE",
                description = "Properties file with these options' names (e.g. port=9090). Environment HERALD_<NAME> and "
                        + "the command line override it.")
        Path config;

        HeraldConfig resolve() {
            String base = blank(baseUrl) ? "http://localhost:" + port : baseUrl.replaceAll("/+$", "");
            return new HeraldConfig(Optional.ofNullable(blank(kafkaBootstrap) ? null : kafkaBootstrap.strip()),
                    embeddedKafkaPort, topicPartitions, port, dataDir, inbox, out, base,
                    Optional.ofNullable(blank(apiToken) ? null : apiToken), maxPostBytes,
                    feeds == null ? List.of() : feeds.stream().map(String::strip).filter(f -> !f.isEmpty()).toList(),
                    Duration.ofSeconds(Math.max(1, feedPollSeconds)), minorEditThreshold, Math.max(1, feedSize),
                    Optional.ofNullable(blank(websubHub) ? null : websubHub.strip()),
                    new HeraldConfig.Outbound(blank(newsletterOnEdit) ? "none" : newsletterOnEdit.strip(),
                            socialPlatforms == null ? List.of() : socialPlatforms.stream().map(String::strip)
                                    .filter(p -> !p.isEmpty()).toList(),
                            socialThreads, Duration.ofSeconds(Math.max(0, holdSeconds)),
                            Optional.ofNullable(blank(newsletterWebhook) ? null : newsletterWebhook.strip()),
                            blank(newsletterDigest) ? "off" : newsletterDigest.strip()));
        }

        private static boolean blank(String s) {
            return s == null || s.isBlank();
        }
    }

    abstract static class StageCommand implements Callable<Integer> {
        @Mixin
        Options options;

        abstract Set<Stage> stages();

        boolean needsExternalKafka() {
            return true;
        }

        @Override
        public Integer call() throws InterruptedException {
            HeraldConfig config;
            try {
                config = options.resolve();
                config.publishSettings();
                io.herald.publish.newsletter.DigestSchedule.parse(config.outbound().newsletterDigest());
            } catch (IllegalArgumentException e) {
                throw new StartupException("bad setting: " + e.getMessage(), e);
            }
            if (needsExternalKafka() && config.kafkaBootstrap().isEmpty()) {
                throw new StartupException("running one stage needs a Kafka cluster: give --kafka-bootstrap "
                        + "(or use 'herald run', which embeds a broker).", null);
            }
            Herald herald = Herald.start(config, stages());
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                herald.close();
                stopped.countDown();
            }, "herald-shutdown"));
            stopped.await();
            return 0;
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Run every stage in this JVM, with a Kafka broker embedded when none is configured.")
    static final class Run extends StageCommand {
        @Override
        Set<Stage> stages() {
            return Stage.all();
        }

        @Override
        boolean needsExternalKafka() {
            return false;
        }
    }

    @Command(name = "ingest", mixinStandardHelpOptions = true,
            description = "Run the ingest stage (HTTP API, inbox) against a Kafka cluster.")
    static final class Ingest extends StageCommand {
        @Override
        Set<Stage> stages() {
            return EnumSet.of(Stage.INGEST);
        }
    }

    @Command(name = "transform", mixinStandardHelpOptions = true,
            description = "Run the transform stage (normalize, enrich) against a Kafka cluster.")
    static final class Transform extends StageCommand {
        @Override
        Set<Stage> stages() {
            return EnumSet.of(Stage.TRANSFORM);
        }
    }

    @Command(name = "publish", mixinStandardHelpOptions = true,
            description = "Run the publish stage (feeds, API) against a Kafka cluster.")
    static final class Publish extends StageCommand {
        @Override
        Set<Stage> stages() {
            return EnumSet.of(Stage.PUBLISH);
        }
    }

    /** Option defaults: the environment, then a --config file, then application.properties. */
    static final class Defaults implements CommandLine.IDefaultValueProvider {
        private final Properties builtIn = new Properties();
        private final Properties file = new Properties();

        Defaults(Optional<Path> configFile) {
            try (InputStream in = HeraldCommand.class.getResourceAsStream("/application.properties")) {
                builtIn.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException | NullPointerException e) {
                throw new IllegalStateException("application.properties is missing from the Herald jar", e);
            }
            if (configFile.isPresent()) {
                try (Reader in = Files.newBufferedReader(configFile.get(), StandardCharsets.UTF_8)) {
                    file.load(in);
                } catch (IOException e) {
                    throw new CommandLine.ParameterException(new CommandLine(new HeraldCommand()),
                            "cannot read the config file " + configFile.get() + ": " + e.getMessage());
                }
            }
        }

        @Override
        public String defaultValue(ArgSpec arg) {
            if (!(arg instanceof OptionSpec option) || !option.longestName().startsWith("--")) {
                return null;
            }
            String name = option.longestName().substring(2);
            if (name.equals("help") || name.equals("version")) {
                return null;
            }
            String env = System.getenv("HERALD_" + name.toUpperCase(Locale.ROOT).replace('-', '_'));
            if (env != null) {
                return env;
            }
            if (file.containsKey(name)) {
                return file.getProperty(name);
            }
            return builtIn.getProperty(name);
        }
    }

    /** The config file named by --config (or HERALD_CONFIG), found before picocli parses the rest. */
    static Optional<Path> configFile(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--config") && i + 1 < args.length) {
                return Optional.of(Path.of(args[i + 1]));
            }
            if (args[i].startsWith("--config=")) {
                return Optional.of(Path.of(args[i].substring("--config=".length())));
            }
        }
        String env = System.getenv("HERALD_CONFIG");
        return env == null || env.isBlank() ? Optional.empty() : Optional.of(Path.of(env));
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = HeraldCommand.class.getPackage().getImplementationVersion();
            return new String[] {"herald " + (v == null ? "(development build)" : v)};
        }
    }
}
