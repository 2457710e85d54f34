package io.herald.app;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import io.herald.support.Setting;
import io.herald.support.Settings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code herald} command: {@code run} starts every stage in one JVM (with an embedded Kafka
 * broker unless one is configured); {@code ingest}, {@code transform} and {@code publish} run one
 * stage against a Kafka cluster.
 */
@Command(name = "herald", mixinStandardHelpOptions = true, versionProvider = HeraldCommand.Version.class,
        description = "Syndicates Q&A posts: ingest, transform and publish over Kafka.",
        subcommands = {HeraldCommand.Run.class, HeraldCommand.Ingest.class, HeraldCommand.Transform.class,
                HeraldCommand.Publish.class, HeraldCommand.Health.class})
public final class HeraldCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine(args).execute(args));
    }

    static CommandLine commandLine(String[] args) {
        CommandLine cli = new CommandLine(new HeraldCommand());
        // Every stage command takes every setting, as --<name>, from the one list of them.
        for (CommandLine sub : cli.getSubcommands().values()) {
            if (!(sub.getCommand() instanceof StageCommand)) {
                continue;
            }
            for (Setting<?> d : Settings.ALL) {
                sub.getCommandSpec().addOption(OptionSpec.builder("--" + d.name()).paramLabel(d.label())
                        .description(d.helpDescription()).type(String.class).build());
            }
        }
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

    abstract static class StageCommand implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--config", paramLabel = "FILE",
                description = "Properties file with these options' names (e.g. port=9090). Environment HERALD_<NAME> and "
                        + "the command line override it.")
        Path config;

        private final Set<Stage> stages;
        private final boolean needsExternalKafka;

        StageCommand(Set<Stage> stages, boolean needsExternalKafka) {
            this.stages = stages;
            this.needsExternalKafka = needsExternalKafka;
        }

        /** The settings as given: each flag, else HERALD_<NAME>, else the --config file, else the default. */
        Settings settings() {
            Map<String, String> kafka = new TreeMap<>();
            if (spec.commandLine().getDefaultValueProvider() instanceof Defaults d) {
                kafka.putAll(d.kafkaProperties());
            }
            kafka.putAll(Settings.kafkaPropertiesFromEnvironment(System.getenv()));
            return Settings.parse(name -> spec.findOption("--" + name).getValue(), kafka);
        }

        @Override
        public Integer call() throws InterruptedException {
            if (spec.commandLine().getDefaultValueProvider() instanceof Defaults d && d.problem().isPresent()) {
                throw new StartupException(d.problem().get(), null);
            }
            Settings config;
            try {
                config = settings();
            } catch (IllegalArgumentException e) {
                throw new StartupException("bad setting: " + e.getMessage(), e);
            }
            if (needsExternalKafka && config.kafkaBootstrap().isEmpty()) {
                throw new StartupException("running one stage needs a Kafka cluster: give --kafka-bootstrap "
                        + "(or use 'herald run', which embeds a broker).", null);
            }
            Herald herald = Herald.start(config, stages);
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
        Run() {
            super(Stage.all(), false);
        }
    }

    @Command(name = "ingest", mixinStandardHelpOptions = true,
            description = "Run the ingest stage (HTTP API, inbox) against a Kafka cluster.")
    static final class Ingest extends StageCommand {
        Ingest() {
            super(EnumSet.of(Stage.INGEST), true);
        }
    }

    @Command(name = "transform", mixinStandardHelpOptions = true,
            description = "Run the transform stage (normalize, enrich) against a Kafka cluster.")
    static final class Transform extends StageCommand {
        Transform() {
            super(EnumSet.of(Stage.TRANSFORM), true);
        }
    }

    @Command(name = "publish", mixinStandardHelpOptions = true,
            description = "Run the publish stage (feeds, API) against a Kafka cluster.")
    static final class Publish extends StageCommand {
        Publish() {
            super(EnumSet.of(Stage.PUBLISH), true);
        }
    }

    @Command(name = "health", mixinStandardHelpOptions = true,
            description = "Ask a Herald on this machine whether it is UP (GET /health); exit 0 when it is, 1 when not. "
                    + "For container health checks.")
    static final class Health implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--port", paramLabel = "PORT", description = "Herald's HTTP port (default: ${DEFAULT-VALUE}).")
        int port;

        @Override
        public Integer call() {
            try {
                var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/health")).timeout(Duration.ofSeconds(4)).build(),
                        HttpResponse.BodyHandlers.ofString());
                spec.commandLine().getOut().println(response.body());
                return response.statusCode() == 200 ? 0 : 1;
            } catch (IOException e) {
                spec.commandLine().getErr().println("herald: no answer on port " + port + " (" + e.getClass().getSimpleName() + ")");
                return 1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 1;
            }
        }
    }

    /** Option defaults: the environment, then a --config file, then the settings' own defaults. */
    static final class Defaults implements CommandLine.IDefaultValueProvider {
        private final Properties builtIn = Settings.defaults();
        private final Properties file = new Properties();
        private final Optional<String> problem;

        Defaults(Optional<Path> configFile) {
            this.problem = configFile.flatMap(this::load);
        }

        /** Reads the config file; what is wrong with it (unreadable, a key Herald does not have), if anything. */
        private Optional<String> load(Path configFile) {
            try (Reader in = Files.newBufferedReader(configFile, StandardCharsets.UTF_8)) {
                file.load(in);
            } catch (IOException e) {
                return Optional.of("cannot read the config file " + configFile + " (" + e.getClass().getSimpleName() + ": "
                        + e.getMessage() + ")");
            }
            for (String key : file.stringPropertyNames()) {
                if (!builtIn.containsKey(key) && !key.startsWith(Settings.KAFKA_PREFIX)) {
                    return Optional.of("the config file " + configFile + " has an unknown setting \"" + key + "\"; did you mean \""
                            + Settings.nearestName(key) + "\"?");
                }
            }
            return Optional.empty();
        }

        /** The Kafka client properties in the config file ({@code kafka.<property>=...}), without the prefix. */
        Map<String, String> kafkaProperties() {
            Map<String, String> named = new HashMap<>();
            file.stringPropertyNames().forEach(k -> named.put(k, file.getProperty(k)));
            return Settings.kafkaProperties(named);
        }

        /** What is wrong with the config file, if anything: Herald refuses to start rather than ignore it. */
        Optional<String> problem() {
            return problem;
        }

        @Override
        public String defaultValue(ArgSpec arg) {
            if (!(arg instanceof OptionSpec option) || !option.longestName().startsWith("--")) {
                return null;
            }
            String name = option.longestName().substring(2);
            if (name.equals("help") || name.equals("version") || name.equals("config")) {
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
