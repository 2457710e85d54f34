package io.herald.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

/**
 * Every setting of Herald, typed, in one object that every stage reads. It is built in one place,
 * {@link #parse}, from a lookup by name: the command line builds it from its flags (which fall back to
 * the environment, a {@code --config} file and {@code defaults.properties}, the one home of the
 * defaults); tests build it by name with {@link #of}. The names are the ones users type.
 */
public record Settings(
        Optional<String> kafkaBootstrap,
        String host,
        int embeddedKafkaPort,
        int topicPartitions,
        int port,
        Path dataDir,
        Path inbox,
        Path out,
        String baseUrl,
        Optional<String> apiToken,
        long maxPostBytes,
        List<String> feeds,
        Duration feedPoll,
        double minorEditThreshold,
        int feedSize,
        Optional<String> websubHub,
        String newsletterOnEdit,
        Optional<String> newsletterWebhook,
        Optional<String> newsletterWebhookSecret,
        String newsletterDigest,
        List<String> socialPlatforms,
        boolean socialThreads,
        Duration hold,
        String feedBacklog,
        int newsletterWebhookRetries,
        Duration newsletterWebhookBackoff,
        Optional<String> ghostWebhookSecret,
        int topicReplication,
        String logFormat,
        Map<String, String> kafkaProperties,
        String siteTitle,
        String siteDescription,
        String siteLanguage,
        Optional<String> siteIcon,
        Optional<String> siteImage,
        String siteImageAlt,
        Optional<String> defaultAuthor,
        List<String> allowedHosts,
        OutboundPolicy outboundAllow,
        Duration requestTimeout) {

    /** The prefix of Kafka client properties passed through as they are ({@code kafka.security.protocol=SASL_SSL}). */
    public static final String KAFKA_PREFIX = "kafka.";

    /** A setting users can give: its name ({@code --name}, {@code HERALD_NAME}, {@code name=} in a file), a label and a description. */
    public record Definition(String name, String label, String description) {
    }

    /** Every setting, in the order {@code --help} lists them. {@code ${DEFAULT-VALUE}} is filled in by the command line. */
    public static final List<Definition> DEFINITIONS = List.of(
            new Definition("kafka-bootstrap", "HOST:PORT,...", "Kafka bootstrap servers. Absent: run a broker inside Herald (herald run only)."),
            new Definition("embedded-kafka-port", "PORT", "Client port of the embedded broker, 0 for any free one (default: ${DEFAULT-VALUE})."),
            new Definition("topic-partitions", "N", "Partitions of the post topics when Herald creates them (default: ${DEFAULT-VALUE})."),
            new Definition("topic-replication", "N", "Replication factor of the topics Herald creates; 0: as many brokers as "
                    + "there are, at most 3 (default: ${DEFAULT-VALUE})."),
            new Definition("host", "ADDRESS", "Address the HTTP server binds to; 0.0.0.0 is every interface, which needs "
                    + "api-token (default: ${DEFAULT-VALUE}: this machine only)."),
            new Definition("allowed-hosts", "NAME,...", "Host names Herald answers for besides base-url's host, localhost and the "
                    + "loopback addresses (a request naming another Host is refused; * for any)."),
            new Definition("request-timeout-seconds", "SECONDS", "The longest a request may take to arrive whole; a slower one "
                    + "is answered 408 and its connection closed (default: ${DEFAULT-VALUE})."),
            new Definition("port", "PORT", "HTTP port (default: ${DEFAULT-VALUE})."),
            new Definition("data-dir", "DIR", "Data folder (default: ${DEFAULT-VALUE})."),
            new Definition("inbox", "DIR", "Watched folder for new posts (default: ${DEFAULT-VALUE})."),
            new Definition("out", "DIR", "Static feed export folder (default: ${DEFAULT-VALUE})."),
            new Definition("base-url", "URL", "Public URL used in feed links (default: http://localhost:<port>)."),
            new Definition("site-title", "TEXT", "The site's name: every feed's title, the pages, the feed index, newsletters "
                    + "(default: ${DEFAULT-VALUE})."),
            new Definition("site-description", "TEXT", "One line about the site: the feeds' subtitle and description."),
            new Definition("site-language", "CODE", "The site's language (BCP 47), for feeds and pages whose posts' language is "
                    + "unknown (default: ${DEFAULT-VALUE})."),
            new Definition("site-icon", "URL", "An http(s) URL of the site's icon: feed icon and logo, page icon."),
            new Definition("site-image", "URL", "An http(s) URL of the image link previews show for posts without one of their "
                    + "own (og:image, twitter:image, the pages' JSON-LD); absent: Herald's own card at /site-image.png."),
            new Definition("site-image-alt", "TEXT", "What the site image shows, for readers who cannot see it (default: the site title)."),
            new Definition("default-author", "NAME", "The author of posts that name none (default: the site title)."),
            new Definition("api-token", "TOKEN", "When set, POST needs \"Authorization: Bearer TOKEN\"."),
            new Definition("ghost-webhook-secret", "SECRET", "The secret of Herald's webhooks in Ghost: a Ghost webhook whose "
                    + "X-Ghost-Signature verifies with it needs no API token (Ghost cannot send one)."),
            new Definition("max-post-bytes", "BYTES", "Largest post accepted (default: ${DEFAULT-VALUE})."),
            new Definition("outbound-allow", "HOST[:PORT]|CIDR,...", "Loopback, private or link-local addresses that outbound "
                    + "requests (feeds, webhooks, WebSub, their redirects) may reach; none by default."),
            new Definition("feeds", "URL,...", "Upstream RSS/Atom feeds to poll; each new or changed entry becomes a post."),
            new Definition("feed-poll-seconds", "SECONDS", "How often the upstream feeds are polled (default: ${DEFAULT-VALUE})."),
            new Definition("feed-backlog", "skip|announce", "What newsletters and social do with the entries a newly added upstream "
                    + "feed already had: skip them (they still go into the feeds) or announce them (default: ${DEFAULT-VALUE})."),
            new Definition("minor-edit-threshold", "SHARE", "An edit that changes at most this share of a post's words (and neither "
                    + "its title nor its number of questions) is a typo fix: not announced again (default: ${DEFAULT-VALUE})."),
            new Definition("feed-size", "N", "Entries per archive page; the feed document holds the newer ones, this many to twice "
                    + "that (default: ${DEFAULT-VALUE})."),
            new Definition("websub-hub", "URL", "WebSub hub to ping when a feed changes, and to advertise in every feed."),
            new Definition("newsletter-on-edit", "none|correction",
                    "What a significant edit sends to newsletters: nothing, or a correction (default: ${DEFAULT-VALUE})."),
            new Definition("newsletter-webhook", "URL", "POST every newsletter payload here (retried with backoff; failures go to the DLQ)."),
            new Definition("newsletter-webhook-secret", "SECRET", "When set, every webhook request is signed: X-Herald-Signature: "
                    + "sha256=<hex HMAC-SHA256 of the body with this secret>."),
            new Definition("newsletter-webhook-retries", "N", "Retries of a failed webhook delivery before it is marked failed "
                    + "(default: ${DEFAULT-VALUE})."),
            new Definition("newsletter-webhook-backoff-seconds", "SECONDS", "Wait before the first retry; it doubles with every "
                    + "retry, up to an hour (default: ${DEFAULT-VALUE})."),
            new Definition("newsletter-digest", "off|daily@HH:MM|weekly@DAY@HH:MM", "Digest schedule, UTC (default: ${DEFAULT-VALUE})."),
            new Definition("social-platforms", "x,mastodon,bluesky,linkedin", "Networks to write snippets for (default: ${DEFAULT-VALUE})."),
            new Definition("social-threads", "true|false", "Also write one numbered snippet per Q&A pair (default: ${DEFAULT-VALUE})."),
            new Definition("log-format", "text|json", "One line per event as text, or one JSON object per line for log "
                    + "shippers (default: ${DEFAULT-VALUE})."),
            new Definition("hold-seconds", "SECONDS", "Wait before newsletters and snippets go out; a deletion meanwhile cancels them "
                    + "(default: ${DEFAULT-VALUE})."));

    public Settings {
        kafkaProperties = Map.copyOf(kafkaProperties);
        feeds = List.copyOf(feeds);
        socialPlatforms = List.copyOf(socialPlatforms);
        allowedHosts = List.copyOf(allowedHosts);
    }

    /** Whether the HTTP server is reachable from this machine only. */
    public boolean loopbackOnly() {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("::1") || h.equals("[::1]") || h.startsWith("127.");
    }

    /** The largest record Herald writes to any topic: what the largest post it accepts can become (see {@link RecordBudget}). */
    public int recordBytes() {
        return RecordBudget.forPosts(maxPostBytes).recordBytes();
    }

    /** The defaults, from {@code defaults.properties}, by name. */
    public static Properties defaults() {
        Properties p = new Properties();
        try (InputStream in = Settings.class.getResourceAsStream("defaults.properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("defaults.properties is missing from Herald", e);
        }
        return p;
    }

    /** The setting whose name is closest to {@code name} (a typo, {@code _} for {@code -}): for error messages. */
    public static String nearestName(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        String best = DEFINITIONS.get(0).name();
        int bestDistance = Integer.MAX_VALUE;
        for (Definition d : DEFINITIONS) {
            int distance = EditDistance.between(wanted, d.name());
            if (distance < bestDistance) {
                best = d.name();
                bestDistance = distance;
            }
        }
        return best;
    }

    /** Settings from values by name; a name not given takes its default. For tests and embedding. */
    public static Settings of(Map<String, ?> values) {
        Map<String, String> given = new LinkedHashMap<>();
        values.forEach((k, v) -> given.put(k, v == null ? "" : String.valueOf(v)));
        Map<String, String> kafka = kafkaProperties(given);
        given.keySet().removeIf(k -> k.startsWith(KAFKA_PREFIX));
        for (String name : given.keySet()) {
            if (DEFINITIONS.stream().noneMatch(d -> d.name().equals(name))) {
                throw new IllegalArgumentException("there is no setting \"" + name + "\"; did you mean \"" + nearestName(name) + "\"?");
            }
        }
        Properties defaults = defaults();
        return parse(name -> given.containsKey(name) ? given.get(name) : defaults.getProperty(name), kafka);
    }

    /**
     * The Kafka client properties among some named values: those named {@code kafka.<property>}
     * (not Herald's own {@code kafka-bootstrap}), without the prefix.
     */
    public static Map<String, String> kafkaProperties(Map<String, String> named) {
        Map<String, String> out = new java.util.TreeMap<>();
        named.forEach((k, v) -> {
            if (k.startsWith(KAFKA_PREFIX) && k.length() > KAFKA_PREFIX.length()) {
                out.put(k.substring(KAFKA_PREFIX.length()), v);
            }
        });
        return out;
    }

    /**
     * The Kafka client properties in the environment: {@code HERALD_KAFKA_SECURITY_PROTOCOL=SASL_SSL} is
     * {@code security.protocol}; {@code HERALD_KAFKA_BOOTSTRAP} is Herald's own setting, not one of them.
     */
    public static Map<String, String> kafkaPropertiesFromEnvironment(Map<String, String> env) {
        Map<String, String> out = new java.util.TreeMap<>();
        env.forEach((k, v) -> {
            if (k.startsWith("HERALD_KAFKA_") && !k.equals("HERALD_KAFKA_BOOTSTRAP")) {
                out.put(k.substring("HERALD_KAFKA_".length()).toLowerCase(Locale.ROOT).replace('_', '.'), v);
            }
        });
        return out;
    }

    /**
     * Reads and checks every setting from a lookup by name. A value that makes no sense is refused with
     * an {@link IllegalArgumentException} that names the setting.
     */
    public static Settings parse(Function<String, String> value) {
        return parse(value, Map.of());
    }

    /** As {@link #parse(Function)}, with Kafka client properties to pass through (names without the prefix). */
    public static Settings parse(Function<String, String> value, Map<String, String> kafkaProperties) {
        Reader r = new Reader(value);
        String logFormat = r.text("log-format").orElse("text");
        if (!logFormat.equals("text") && !logFormat.equals("json")) {
            throw new IllegalArgumentException("log-format must be text or json, not \"" + logFormat + "\"");
        }
        int port = r.integer("port", 0, 65535);
        String baseUrl = r.text("base-url").map(u -> u.replaceAll("/+$", "")).orElse("http://localhost:" + port);
        String onEdit = r.text("newsletter-on-edit").orElse("none");
        String backlog = r.text("feed-backlog").orElse("skip");
        if (!backlog.equals("skip") && !backlog.equals("announce")) {
            throw new IllegalArgumentException("feed-backlog must be skip or announce, not \"" + backlog + "\"");
        }
        if (!onEdit.equals("none") && !onEdit.equals("correction")) {
            throw new IllegalArgumentException("newsletter-on-edit must be none or correction, not \"" + onEdit + "\"");
        }
        return new Settings(
                r.text("kafka-bootstrap"),
                r.required("host"),
                r.integer("embedded-kafka-port", 0, 65535),
                r.integer("topic-partitions", 1, 10_000),
                port,
                r.path("data-dir"),
                r.path("inbox"),
                r.path("out"),
                baseUrl,
                r.text("api-token"),
                r.longBetween("max-post-bytes", 1, RecordBudget.MAX_POST_BYTES),
                r.list("feeds"),
                Duration.ofSeconds(r.longInteger("feed-poll-seconds", 1)),
                r.share("minor-edit-threshold"),
                r.integer("feed-size", 1, 100_000),
                r.text("websub-hub"),
                onEdit,
                r.text("newsletter-webhook"),
                r.text("newsletter-webhook-secret"),
                r.text("newsletter-digest").orElse("off"),
                r.list("social-platforms"),
                r.bool("social-threads"),
                Duration.ofSeconds(r.longInteger("hold-seconds", 0)),
                backlog,
                r.integer("newsletter-webhook-retries", 0, 100),
                Duration.ofSeconds(r.integer("newsletter-webhook-backoff-seconds", 1, 86_400)),
                r.text("ghost-webhook-secret"),
                r.integer("topic-replication", 0, 32_767),
                logFormat,
                kafkaProperties,
                r.required("site-title"),
                r.text("site-description").orElse(""),
                r.required("site-language"),
                r.httpUrl("site-icon"),
                r.httpUrl("site-image"),
                r.text("site-image-alt").orElse(""),
                r.text("default-author"),
                r.list("allowed-hosts"),
                OutboundPolicy.parse(r.list("outbound-allow")),
                Duration.ofSeconds(r.integer("request-timeout-seconds", 1, 86_400)));
    }

    /** Every setting in effect as {@code name=value}, in the order of {@link #DEFINITIONS}; the API token masked. */
    @Override
    public String toString() {
        Object[] values = {kafkaBootstrap.orElse("(embedded)"), embeddedKafkaPort, topicPartitions,
            topicReplication == 0 ? "auto" : topicReplication, host, String.join(",", allowedHosts), requestTimeout.toSeconds(), port, dataDir, inbox, out,
            baseUrl, siteTitle, siteDescription, siteLanguage, siteIcon.orElse(""), siteImage.orElse(""), siteImageAlt, defaultAuthor.orElse(""), apiToken.isPresent() ? "(set)" : "(none)", ghostWebhookSecret.isPresent() ? "(set)" : "(none)", maxPostBytes,
            outboundAllow, feeds.stream().map(Masking::url).collect(java.util.stream.Collectors.joining(",")), feedPoll.toSeconds(), feedBacklog,
            minorEditThreshold, feedSize, websubHub.orElse(""), newsletterOnEdit, newsletterWebhook.map(Masking::url).orElse(""),
            newsletterWebhookSecret.isPresent() ? "(set)" : "(none)", newsletterWebhookRetries, newsletterWebhookBackoff.toSeconds(),
            newsletterDigest,
            String.join(",", socialPlatforms), socialThreads, logFormat, hold.toSeconds()};
        StringBuilder out = new StringBuilder("Settings[");
        for (int i = 0; i < DEFINITIONS.size(); i++) {
            out.append(i == 0 ? "" : ", ").append(DEFINITIONS.get(i).name()).append('=').append(values[i]);
        }
        kafkaProperties.forEach((k, v) -> out.append(", ").append(KAFKA_PREFIX).append(k).append('=')
                .append(k.matches("(?i).*(password|secret|jaas|key\\b|token|credential).*") ? "(set)" : v));
        return out.append(']').toString();
    }

    /** Reads values by name, each refusal naming the setting. */
    private record Reader(Function<String, String> value) {

        Optional<String> text(String name) {
            String v = value.apply(name);
            return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
        }

        Optional<String> httpUrl(String name) {
            return text(name).map(url -> {
                if (!url.matches("(?i)https?://\\S+")) {
                    throw new IllegalArgumentException(name + " must be an http or https URL, not \"" + url + "\"");
                }
                return url;
            });
        }

        String required(String name) {
            return text(name).orElseThrow(() -> new IllegalArgumentException(name + " needs a value"));
        }

        int integer(String name, int min, int max) {
            long v = longInteger(name, min);
            if (v > max) {
                throw new IllegalArgumentException(name + " must be at most " + max + ", not " + v);
            }
            return (int) v;
        }

        long longInteger(String name, long min) {
            String v = required(name);
            long n;
            try {
                n = Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a whole number, not \"" + v + "\"");
            }
            if (n < min) {
                throw new IllegalArgumentException(name + " must be at least " + min + ", not " + n);
            }
            return n;
        }

        long longBetween(String name, long min, long max) {
            long v = longInteger(name, min);
            if (v > max) {
                throw new IllegalArgumentException(name + " must be at most " + max + ", not " + v);
            }
            return v;
        }

        double share(String name) {
            String v = required(name);
            try {
                double d = Double.parseDouble(v);
                if (d >= 0 && d <= 1) {
                    return d;
                }
            } catch (NumberFormatException e) {
                // refused below
            }
            throw new IllegalArgumentException(name + " must be a share from 0 to 1, not \"" + v + "\"");
        }

        boolean bool(String name) {
            String v = required(name).toLowerCase(Locale.ROOT);
            if (!v.equals("true") && !v.equals("false")) {
                throw new IllegalArgumentException(name + " must be true or false, not \"" + v + "\"");
            }
            return Boolean.parseBoolean(v);
        }

        Path path(String name) {
            return Path.of(required(name));
        }

        List<String> list(String name) {
            return text(name).map(v -> Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList())
                    .orElse(List.of());
        }
    }
}
