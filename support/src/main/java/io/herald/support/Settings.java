package io.herald.support;

import java.nio.file.Path;
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Every setting of Herald, typed, in one object that every stage reads. Each setting is one
 * {@link Setting} below (name, type, default, check, description, secret or not), listed in
 * {@link #ALL}; nothing else names them. The command line builds this from its flags (which fall back
 * to the environment and a {@code --config} file), tests build it by name with {@link #of}, and the
 * README's configuration table is {@link #markdownTable} (a test compares them).
 *
 * <p>To add a setting: define it here, add it to {@link #ALL}, and give it an accessor if code reads it.
 */
public final class Settings {

    /** The prefix of Kafka client properties passed through as they are ({@code kafka.security.protocol=SASL_SSL}). */
    public static final String KAFKA_PREFIX = "kafka.";

    /** What a significant edit sends to newsletters. */
    public enum NewsletterOnEdit {
        NONE, CORRECTION;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What newsletters and social do with the entries a newly added upstream feed already had. */
    public enum FeedBacklog {
        SKIP, ANNOUNCE;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Which auto-tags (tags Herald found, not the author's) are published. */
    public enum AutoTags {
        PUBLIC, APPROVED;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Whether posts wait for a marketer's approval before they are published. */
    public enum Approval {
        OFF, REQUIRED;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How log lines are written. */
    public enum LogFormat {
        TEXT, JSON;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The networks Herald writes snippets for. */
    public enum Network {
        X, MASTODON, BLUESKY, LINKEDIN;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static final Setting<Optional<String>> KAFKA_BOOTSTRAP = Setting.optionalText("kafka-bootstrap", "HOST:PORT,...",
            "Kafka bootstrap servers `host:port,...`. Empty: `herald run` starts a broker inside the process, its log under "
            + "`data-dir/kafka`. Required for `herald ingest|transform|publish`.").shown(v -> v.orElse("(embedded)"));
    public static final Setting<Integer> EMBEDDED_KAFKA_PORT = Setting.integer("embedded-kafka-port", "PORT", 0, 0, 65535,
            "client port of the embedded broker; `0` picks a free one (it is logged)");
    public static final Setting<Integer> TOPIC_PARTITIONS = Setting.integer("topic-partitions", "N", 3, 1, 10_000,
            "partitions of the post topics when Herald creates them");
    public static final Setting<Integer> TOPIC_REPLICATION = Setting.integer("topic-replication", "N", 0, 0, 32_767,
            "replication factor of the topics Herald creates; `0`: as many brokers as there are, at most 3 (with 3, "
            + "`min.insync.replicas=2`)").shown(v -> v == 0 ? "auto" : String.valueOf(v));
    public static final Setting<String> HOST = Setting.text("host", "ADDRESS", "127.0.0.1",
            "address the HTTP server binds to: this machine only. Any other (`0.0.0.0`: every interface) needs `api-token`, "
            + "or Herald stops with one line saying how to set one (exit code 2)");
    public static final Setting<List<String>> ALLOWED_HOSTS = Setting.list("allowed-hosts", "NAME,...", "",
            "host names Herald answers for besides `base-url`'s host, `localhost`, `127.0.0.1` and `[::1]`, comma-separated "
            + "(`*`: any). A request naming another `Host` is refused with `421`, so a DNS-rebinding name cannot reach the API");
    public static final Setting<Duration> REQUEST_TIMEOUT = Setting.seconds("request-timeout-seconds", 60, 1, 86_400,
            "the longest a request may take to arrive whole; a slower one (a body trickling in) is answered `408` and its "
            + "connection closed");
    public static final Setting<Integer> PORT = Setting.integer("port", "PORT", 8080, 0, 65535, "HTTP port: API, feeds, `/health`");
    public static final Setting<Path> DATA_DIR = Setting.path("data-dir", "DIR", "./data",
            "data folder: the embedded broker's log, the instance id, and publish's local store (`publish-store/`, a cache of the "
            + "enriched topic with its checkpoint, safe to delete while Herald is stopped)");
    public static final Setting<Path> INBOX = Setting.path("inbox", "DIR", "./inbox", "watched folder for new posts");
    public static final Setting<Path> OUT = Setting.path("out", "DIR", "./out",
            "static feed export: every feed under the path it is served at");
    public static final Setting<String> BASE_URL = Setting.<String>of("base-url", "URL", "", "public URL used in feed links",
            (name, text, earlier) -> text.map(u -> Setting.checkedBaseUrl(name, u).replaceAll("/+$", ""))
                    .orElse("http://localhost:" + earlier.get(PORT)))
            .shownDefault("`http://localhost:<port>`");
    public static final Setting<Optional<String>> INGEST_URL = Setting.httpUrl("ingest-url",
            "where a publish process without ingest sends the dashboard's posts, checks and retries (the ingest stage's "
            + "address, such as http://ingest:8080; an address you set is reached even when private)");
    public static final Setting<String> SITE_TITLE = Setting.text("site-title", "TEXT", "Herald",
            "the site's name: every feed's title, the pages, the feed index");
    public static final Setting<String> SITE_DESCRIPTION = Setting.<String>of("site-description", "TEXT", "",
            "one line about the site: the feeds' subtitle / description", (name, text, earlier) -> text.orElse(""));
    public static final Setting<String> SITE_LANGUAGE = Setting.text("site-language", "CODE", "en",
            "the site's language (BCP 47): feeds, and pages of posts whose language is unknown");
    public static final Setting<Optional<String>> SITE_ICON = Setting.httpUrl("site-icon",
            "an http(s) URL: feed icon and logo (Atom), image (RSS), icon (JSON Feed), page icon");
    public static final Setting<Optional<String>> SITE_IMAGE = Setting.httpUrl("site-image",
            "an http(s) URL of the image link previews show for posts without one (`og:image`, `twitter:image`, the pages' "
            + "`BlogPosting`); empty: Herald's own 1200×630 card at `/site-image.png`");
    public static final Setting<String> SITE_IMAGE_ALT = Setting.<String>of("site-image-alt", "TEXT", "",
            "what the site image shows, for `og:image:alt` / `twitter:image:alt`", (name, text, earlier) -> text.orElse(""))
            .shownDefault("*(site title)*");
    public static final Setting<Optional<String>> DEFAULT_AUTHOR = Setting.optionalText("default-author", "NAME",
            "the author of posts that name none").shownDefault("the site title");
    public static final Setting<Optional<String>> API_TOKEN = Setting.optionalText("api-token", "TOKEN",
            "when set, every request that writes, does work on request or reads private data needs `Authorization: Bearer "
            + "<token>` (`Bearer` in any case): every `POST`/`DELETE` (posts, previews, webhooks, resends, retries), the DLQ "
            + "(`/api/dlq...`) and the newsletter previews (`/api/posts/{id}/newsletter`). The feeds, post pages, the posts' "
            + "read API, snippets, `/health`, `/metrics`, the contracts and the dashboard's files stay public. Checked before "
            + "any body is read").asSecret();
    public static final Setting<Optional<String>> GHOST_WEBHOOK_SECRET = Setting.optionalText("ghost-webhook-secret", "SECRET",
            "the secret of Herald's webhooks in Ghost: a Ghost webhook whose `X-Ghost-Signature` verifies with it needs no "
            + "token (Ghost cannot send one; see [CMS webhooks](#cms-webhooks))").asSecret();
    public static final Setting<Long> MAX_POST_BYTES = Setting.longInteger("max-post-bytes", "BYTES", 5L * 1024 * 1024, 1,
            RecordBudget.MAX_POST_BYTES,
            "largest post accepted (5 MiB; at most 16 MiB). It sets the one size budget of every topic: records up to 4 × "
            + "this + 1 MiB (21 MiB by default; the DLQ twice that), as producer `max.request.size` and topic "
            + "`max.message.bytes` (see [Kafka topics](#kafka-topics))");
    public static final Setting<OutboundPolicy> OUTBOUND_ALLOW = Setting.list("outbound-allow", "HOST[:PORT]|CIDR,...", "",
            "loopback, private and link-local addresses that outbound requests (upstream feeds, newsletter webhooks, WebSub, "
            + "and every redirect they follow) may reach: comma-separated `host`, `host:port` or CIDR entries "
            + "(`127.0.0.1:9000,10.1.0.0/16`). Public addresses are always allowed; everything else is refused, checked on "
            + "the resolved addresses and again at every redirect").then(OutboundPolicy::parse);
    public static final Setting<List<String>> FEEDS = Setting.list("feeds", "URL,...", "",
            "upstream RSS/Atom feed URLs to poll, comma-separated")
            .shown(urls -> urls.stream().map(Masking::url).collect(Collectors.joining(",")));
    public static final Setting<Duration> FEED_POLL = Setting.seconds("feed-poll-seconds", 300, 1, Long.MAX_VALUE,
            "how often the upstream feeds are polled");
    public static final Setting<FeedBacklog> FEED_BACKLOG = Setting.choice("feed-backlog", FeedBacklog.class, FeedBacklog.SKIP,
            "the entries a newly added upstream feed already has: `skip` puts them in the feeds without newsletter or social; "
            + "`announce` treats them as new posts (see [Upstream feeds](#upstream-feeds))");
    public static final Setting<Double> MINOR_EDIT_THRESHOLD = Setting.share("minor-edit-threshold", "0.02",
            "an edit changing at most this share of words (title and number of questions kept) is a typo fix (`minorEdit`)");
    public static final Setting<Integer> FEED_SIZE = Setting.integer("feed-size", "N", 50, 1, 100_000,
            "entries per archive page; the feed document holds the newer ones (`feed-size` to twice that)");
    public static final Setting<Optional<String>> WEBSUB_HUB = Setting.optionalText("websub-hub", "URL",
            "WebSub hub to ping when a feed changes, advertised in every feed");
    public static final Setting<NewsletterOnEdit> NEWSLETTER_ON_EDIT = Setting.choice("newsletter-on-edit",
            NewsletterOnEdit.class, NewsletterOnEdit.NONE, "what a significant edit sends: `none` or `correction`");
    public static final Setting<Optional<String>> NEWSLETTER_WEBHOOK = Setting.optionalText("newsletter-webhook", "URL",
            "POST every newsletter payload here (see [Newsletter delivery](#newsletter-delivery))")
            .then(url -> url.map(u -> webhookUrl("newsletter-webhook", u))).shown(url -> url.map(Masking::url).orElse(""));
    public static final Setting<Optional<String>> NEWSLETTER_WEBHOOK_SECRET = Setting.optionalText("newsletter-webhook-secret",
            "SECRET", "sign each webhook request: `X-Herald-Signature: sha256=<hex HMAC-SHA256 of the body with this secret>`; "
            + "receivers compute the same and compare").asSecret();
    public static final Setting<Integer> NEWSLETTER_WEBHOOK_RETRIES = Setting.integer("newsletter-webhook-retries", "N", 8, 0, 100,
            "retries of a failed delivery before it is marked `failed` (and recorded in the DLQ)");
    public static final Setting<Duration> NEWSLETTER_WEBHOOK_BACKOFF = Setting.seconds("newsletter-webhook-backoff-seconds", 30,
            1, 86_400, "wait before the first retry; it doubles with every retry, up to an hour (the defaults retry for about "
            + "two hours)");
    public static final Setting<Optional<String>> SOCIAL_WEBHOOK = Setting.optionalText("social-webhook", "URL",
            "POST every social snippet here, for the tool that posts it (see [Social delivery](#social-delivery))")
            .then(url -> url.map(u -> webhookUrl("social-webhook", u))).shown(url -> url.map(Masking::url).orElse(""));
    public static final Setting<Optional<String>> SOCIAL_WEBHOOK_SECRET = Setting.optionalText("social-webhook-secret",
            "SECRET", "sign each social webhook request, as `newsletter-webhook-secret` does").asSecret();
    public static final Setting<Integer> SOCIAL_WEBHOOK_RETRIES = Setting.integer("social-webhook-retries", "N", 8, 0, 100,
            "retries of a failed snippet delivery before it is marked `failed` (and recorded in the DLQ)");
    public static final Setting<Duration> SOCIAL_WEBHOOK_BACKOFF = Setting.seconds("social-webhook-backoff-seconds", 30,
            1, 86_400, "wait before a snippet's first retry; it doubles with every retry, up to an hour");
    public static final Setting<Boolean> ACTIVITYPUB = Setting.bool("activitypub", false,
            "make the site followable from Mastodon and the rest of the fediverse: WebFinger, an actor, NodeInfo, a signed inbox, "
            + "and each post sent to the followers (see [Following the site from Mastodon](#following-the-site-from-mastodon))");
    public static final Setting<String> ACTIVITYPUB_USERNAME = Setting.text("activitypub-username", "NAME", "site",
            "the site's fediverse name: followed as `@NAME@host` of `base-url` (letters, digits, `_`, `.`, `-`)")
            .then(name -> {
                if (!name.matches("[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}")) {
                    throw new IllegalArgumentException("activitypub-username must be letters, digits, '_', '.' or '-' (at most 64), not \""
                            + name + "\"");
                }
                return name;
            });
    public static final Setting<Optional<String>> ACTIVITYPUB_KEY = Setting.optionalText("activitypub-key", "FILE",
            "the site actor's RSA private key (PKCS#8 PEM); empty: made once and kept in `data-dir` as `activitypub-key.pem`. "
            + "Several publish instances must be given the same file");
    public static final Setting<Integer> ACTIVITYPUB_RETRIES = Setting.integer("activitypub-retries", "N", 12, 0, 100,
            "retries of an activity an inbox did not take before it is marked `failed`");
    public static final Setting<Duration> ACTIVITYPUB_BACKOFF = Setting.seconds("activitypub-backoff-seconds", 60, 1, 86_400,
            "wait before an activity's first retry; it doubles with every retry, up to an hour (the defaults retry for about "
            + "seven hours)");
    public static final Setting<Optional<String>> BLUESKY_HANDLE = Setting.optionalText("bluesky-handle", "HANDLE",
            "post each post's Bluesky snippet (and its thread, with `social-threads`) under this account, its handle or DID; "
            + "with `bluesky-app-password` (see [Posting to Bluesky](#posting-to-bluesky))")
            .then(h -> h.map(Settings::blueskyHandle)).shown(h -> h.orElse(""));
    public static final Setting<Optional<String>> BLUESKY_APP_PASSWORD = Setting.<Optional<String>>of("bluesky-app-password",
            "PASSWORD", "", "an app password of that account (Settings → Privacy and security → App passwords), not its own password",
            (name, text, earlier) -> {
                Optional<String> password = text.map(String::strip).filter(t -> !t.isEmpty());
                if (earlier.get(BLUESKY_HANDLE).isPresent() != password.isPresent()) {
                    throw new IllegalArgumentException("bluesky-handle and bluesky-app-password go together: "
                            + (password.isPresent() ? "the password is set but no handle" : "the handle is set but no app password"));
                }
                return password;
            }).shownDefault("").asSecret();
    public static final Setting<String> BLUESKY_PDS = Setting.text("bluesky-pds", "URL", "https://bsky.social",
            "the account's server (PDS), where Herald logs in and posts").then(url -> webhookUrl("bluesky-pds", url));
    public static final Setting<Integer> BLUESKY_RETRIES = Setting.integer("bluesky-retries", "N", 12, 0, 100,
            "retries of a Bluesky post (or deletion) that failed before it is marked `failed`");
    public static final Setting<Duration> BLUESKY_BACKOFF = Setting.seconds("bluesky-backoff-seconds", 60, 1, 86_400,
            "wait before a Bluesky post's first retry; it doubles with every retry, up to an hour");
    public static final Setting<Optional<DigestSchedule>> NEWSLETTER_DIGEST = Setting.<Optional<DigestSchedule>>of(
            "newsletter-digest", "off|daily@HH:MM|weekly@DAY@HH:MM", "off", "`daily@HH:MM` or `weekly@DAY@HH:MM` (UTC)",
            (name, text, earlier) -> DigestSchedule.parse(text.orElse("off")))
            .shown(d -> d.map(String::valueOf).orElse("off"));
    public static final Setting<List<Network>> SOCIAL_PLATFORMS = Setting.choices("social-platforms", Network.class,
            "x,mastodon,bluesky,linkedin", "networks to write snippets for");
    public static final Setting<Boolean> SOCIAL_THREADS = Setting.bool("social-threads", false,
            "also one numbered snippet per Q&A pair");
    public static final Setting<AutoTags> AUTO_TAGS = Setting.choice("auto-tags", AutoTags.class, AutoTags.PUBLIC,
            "which tags Herald found itself are published (in feeds, tag feeds and pages, newsletters and hashtags): `public`, "
            + "each one a marketer did not remove; `approved`, only those a marketer accepted (see [Tags](#tags))");
    public static final Setting<Approval> APPROVAL = Setting.choice("approval", Approval.class, Approval.OFF,
            "`required`: every new post waits, seen only in the dashboard, until a marketer approves it (then every later "
            + "version is published as it comes); `off`: posts are published as they arrive (see [Scheduling and "
            + "approval](#scheduling-and-approval))");
    public static final Setting<LogFormat> LOG_FORMAT = Setting.choice("log-format", LogFormat.class, LogFormat.TEXT,
            "`text`: one line per event; `json`: one JSON object per line, for log shippers");
    public static final Setting<Duration> HOLD = Setting.seconds("hold-seconds", 0, 0, Long.MAX_VALUE,
            "wait before newsletters and snippets go out; a deletion meanwhile cancels them. Each post's hold runs from when "
            + "its version was enriched, so posts published together go out together");

    /** Every setting, in the order {@code --help}, the start-up log and the README list them. */
    public static final List<Setting<?>> ALL = List.of(KAFKA_BOOTSTRAP, EMBEDDED_KAFKA_PORT, TOPIC_PARTITIONS, TOPIC_REPLICATION,
            HOST, ALLOWED_HOSTS, REQUEST_TIMEOUT, PORT, DATA_DIR, INBOX, OUT, BASE_URL, INGEST_URL, SITE_TITLE, SITE_DESCRIPTION,
            SITE_LANGUAGE, SITE_ICON, SITE_IMAGE, SITE_IMAGE_ALT, DEFAULT_AUTHOR, API_TOKEN, GHOST_WEBHOOK_SECRET, MAX_POST_BYTES,
            OUTBOUND_ALLOW, FEEDS, FEED_POLL, FEED_BACKLOG, MINOR_EDIT_THRESHOLD, FEED_SIZE, WEBSUB_HUB, NEWSLETTER_ON_EDIT,
            NEWSLETTER_WEBHOOK, NEWSLETTER_WEBHOOK_SECRET, NEWSLETTER_WEBHOOK_RETRIES, NEWSLETTER_WEBHOOK_BACKOFF,
            SOCIAL_WEBHOOK, SOCIAL_WEBHOOK_SECRET, SOCIAL_WEBHOOK_RETRIES, SOCIAL_WEBHOOK_BACKOFF,
            ACTIVITYPUB, ACTIVITYPUB_USERNAME, ACTIVITYPUB_KEY, ACTIVITYPUB_RETRIES, ACTIVITYPUB_BACKOFF,
            BLUESKY_HANDLE, BLUESKY_APP_PASSWORD, BLUESKY_PDS, BLUESKY_RETRIES, BLUESKY_BACKOFF,
            NEWSLETTER_DIGEST, SOCIAL_PLATFORMS, SOCIAL_THREADS, AUTO_TAGS, APPROVAL, LOG_FORMAT, HOLD);

    /** The settings read before the one being read: a default may depend on them ({@code base-url} on {@code port}). */
    public interface Earlier {
        <T> T get(Setting<T> setting);
    }

    private final Map<Setting<?>, Object> values;
    private final Map<String, String> kafkaProperties;

    private Settings(Map<Setting<?>, Object> values, Map<String, String> kafkaProperties) {
        this.values = values;
        this.kafkaProperties = Map.copyOf(kafkaProperties);
    }

    /** The value of one setting. */
    public <T> T get(Setting<T> setting) {
        @SuppressWarnings("unchecked")
        T value = (T) values.get(setting);
        if (value == null && !values.containsKey(setting)) {
            throw new IllegalArgumentException(setting.name() + " is not one of Settings.ALL");
        }
        return value;
    }

    public Optional<String> kafkaBootstrap() { return get(KAFKA_BOOTSTRAP); }
    public String host() { return get(HOST); }
    public int embeddedKafkaPort() { return get(EMBEDDED_KAFKA_PORT); }
    public int topicPartitions() { return get(TOPIC_PARTITIONS); }
    public int topicReplication() { return get(TOPIC_REPLICATION); }
    public int port() { return get(PORT); }
    public Path dataDir() { return get(DATA_DIR); }
    public Path inbox() { return get(INBOX); }
    public Path out() { return get(OUT); }
    public String baseUrl() { return get(BASE_URL); }
    public Optional<String> ingestUrl() { return get(INGEST_URL); }
    public Optional<String> apiToken() { return get(API_TOKEN); }
    public long maxPostBytes() { return get(MAX_POST_BYTES); }
    public List<String> feeds() { return get(FEEDS); }
    public Duration feedPoll() { return get(FEED_POLL); }
    public double minorEditThreshold() { return get(MINOR_EDIT_THRESHOLD); }
    public int feedSize() { return get(FEED_SIZE); }
    public Optional<String> websubHub() { return get(WEBSUB_HUB); }
    public NewsletterOnEdit newsletterOnEdit() { return get(NEWSLETTER_ON_EDIT); }
    public Optional<String> newsletterWebhook() { return get(NEWSLETTER_WEBHOOK); }
    public Optional<String> newsletterWebhookSecret() { return get(NEWSLETTER_WEBHOOK_SECRET); }
    public Optional<DigestSchedule> newsletterDigest() { return get(NEWSLETTER_DIGEST); }
    public List<Network> socialPlatforms() { return get(SOCIAL_PLATFORMS); }
    public boolean socialThreads() { return get(SOCIAL_THREADS); }
    public Duration hold() { return get(HOLD); }

    public AutoTags autoTags() { return get(AUTO_TAGS); }

    public Approval approval() { return get(APPROVAL); }
    public FeedBacklog feedBacklog() { return get(FEED_BACKLOG); }
    public int newsletterWebhookRetries() { return get(NEWSLETTER_WEBHOOK_RETRIES); }
    public Duration newsletterWebhookBackoff() { return get(NEWSLETTER_WEBHOOK_BACKOFF); }
    public Optional<String> socialWebhook() { return get(SOCIAL_WEBHOOK); }
    public boolean activityPub() { return get(ACTIVITYPUB); }
    public String activityPubUsername() { return get(ACTIVITYPUB_USERNAME); }
    public Optional<String> activityPubKey() { return get(ACTIVITYPUB_KEY); }
    public int activityPubRetries() { return get(ACTIVITYPUB_RETRIES); }
    public Duration activityPubBackoff() { return get(ACTIVITYPUB_BACKOFF); }
    public Optional<String> blueskyHandle() { return get(BLUESKY_HANDLE); }
    public Optional<String> blueskyAppPassword() { return get(BLUESKY_APP_PASSWORD); }
    public String blueskyPds() { return get(BLUESKY_PDS); }
    public int blueskyRetries() { return get(BLUESKY_RETRIES); }
    public Duration blueskyBackoff() { return get(BLUESKY_BACKOFF); }
    public Optional<String> socialWebhookSecret() { return get(SOCIAL_WEBHOOK_SECRET); }
    public int socialWebhookRetries() { return get(SOCIAL_WEBHOOK_RETRIES); }
    public Duration socialWebhookBackoff() { return get(SOCIAL_WEBHOOK_BACKOFF); }
    public Optional<String> ghostWebhookSecret() { return get(GHOST_WEBHOOK_SECRET); }
    public LogFormat logFormat() { return get(LOG_FORMAT); }
    public Map<String, String> kafkaProperties() { return kafkaProperties; }
    public String siteTitle() { return get(SITE_TITLE); }
    public String siteDescription() { return get(SITE_DESCRIPTION); }
    public String siteLanguage() { return get(SITE_LANGUAGE); }
    public Optional<String> siteIcon() { return get(SITE_ICON); }
    public Optional<String> siteImage() { return get(SITE_IMAGE); }
    public String siteImageAlt() { return get(SITE_IMAGE_ALT); }
    public Optional<String> defaultAuthor() { return get(DEFAULT_AUTHOR); }
    public List<String> allowedHosts() { return get(ALLOWED_HOSTS); }
    public OutboundPolicy outboundAllow() { return get(OUTBOUND_ALLOW); }
    public Duration requestTimeout() { return get(REQUEST_TIMEOUT); }

    /** Whether the HTTP server is reachable from this machine only. */
    public boolean loopbackOnly() {
        String h = host().toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("::1") || h.equals("[::1]") || h.startsWith("127.");
    }

    /** The largest record Herald writes to any topic: what the largest post it accepts can become (see {@link RecordBudget}). */
    public int recordBytes() {
        return RecordBudget.forPosts(maxPostBytes()).recordBytes();
    }

    /** The defaults by name, as a user would type them. */
    public static Properties defaults() {
        Properties p = new Properties();
        ALL.forEach(s -> p.setProperty(s.name(), s.defaultValue()));
        return p;
    }

    /** A setting's default value, typed (for code that runs without settings, such as benchmarks and unit tests). */
    public static <T> T defaultOf(Setting<T> setting) {
        return DEFAULTS.get(setting);
    }

    private static final Settings DEFAULTS = of(Map.of());

    /** The setting of this name. */
    public static Optional<Setting<?>> named(String name) {
        return ALL.stream().<Setting<?>>map(s -> s).filter(s -> s.name().equals(name)).findFirst();
    }

    /** The setting whose name is closest to {@code name} (a typo, {@code _} for {@code -}): for error messages. */
    public static String nearestName(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        String best = ALL.get(0).name();
        int bestDistance = Integer.MAX_VALUE;
        for (Setting<?> s : ALL) {
            int distance = EditDistance.between(wanted, s.name());
            if (distance < bestDistance) {
                best = s.name();
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
            if (named(name).isEmpty()) {
                throw new IllegalArgumentException("there is no setting \"" + name + "\"; did you mean \"" + nearestName(name) + "\"?");
            }
        }
        return parse(name -> given.containsKey(name) ? given.get(name) : named(name).orElseThrow().defaultValue(), kafka);
    }

    /**
     * The Kafka client properties among some named values: those named {@code kafka.<property>}
     * (not Herald's own {@code kafka-bootstrap}), without the prefix.
     */
    public static Map<String, String> kafkaProperties(Map<String, String> named) {
        Map<String, String> out = new TreeMap<>();
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
        Map<String, String> out = new TreeMap<>();
        env.forEach((k, v) -> {
            if (k.startsWith("HERALD_KAFKA_") && !k.equals("HERALD_KAFKA_BOOTSTRAP")) {
                out.put(k.substring("HERALD_KAFKA_".length()).toLowerCase(Locale.ROOT).replace('_', '.'), v);
            }
        });
        return out;
    }

    /** The environment variable that gives a setting: {@code HERALD_<NAME>}, upper case, dashes as underscores. */
    public static String environmentName(Setting<?> setting) {
        return "HERALD_" + setting.name().toUpperCase(Locale.ROOT).replace('-', '_');
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
        Map<Setting<?>, Object> read = new IdentityHashMap<>();
        Earlier earlier = new Earlier() {
            @Override
            public <T> T get(Setting<T> setting) {
                @SuppressWarnings("unchecked")
                T v = (T) read.get(setting);
                return v;
            }
        };
        for (Setting<?> s : ALL) {
            read.put(s, s.read(value.apply(s.name()), earlier));
        }
        return new Settings(read, kafkaProperties);
    }

    /** The README's configuration table, made from the definitions. */
    public static String markdownTable() {
        StringBuilder t = new StringBuilder("| name | default | meaning |\n|---|---|---|\n");
        for (Setting<?> s : ALL) {
            t.append("| `").append(s.name()).append("` | ").append(s.shownDefault()).append(" | ").append(s.description())
                    .append(" |\n");
        }
        t.append("| `kafka.<property>` | — | any Kafka client property, passed through (`kafka.security.protocol=SASL_SSL`); as "
                + "an environment variable `HERALD_KAFKA_<PROPERTY>` (see [Running on a cluster](#running-on-a-cluster)) |\n");
        t.append("| `config` | — | properties file with any of the names above |\n");
        return t.toString();
    }

    /** A Bluesky handle (a domain name, perhaps with a leading {@code @}) or a DID, as createSession takes it. */
    private static String blueskyHandle(String handle) {
        String h = handle.strip();
        h = h.startsWith("@") ? h.substring(1) : h;
        if (!h.matches("did:[a-z]+:[A-Za-z0-9._:%-]{1,2048}") && !h.matches("([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.){1,20}[A-Za-z0-9-]{1,63}")) {
            throw new IllegalArgumentException("bluesky-handle must be a handle such as site.bsky.social, or a DID, not \"" + handle + "\"");
        }
        return h;
    }

    private static String webhookUrl(String setting, String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw new IllegalArgumentException(setting + " must be an http or https URL, not \"" + url + "\"");
        }
        return url;
    }

    /** Every setting in effect as {@code name=value}, in the order of {@link #ALL}; secrets masked. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("Settings[");
        for (Setting<?> s : ALL) {
            out.append(out.length() == "Settings[".length() ? "" : ", ").append(s.name()).append('=').append(s.show(values.get(s)));
        }
        kafkaProperties.forEach((k, v) -> out.append(", ").append(KAFKA_PREFIX).append(k).append('=')
                .append(k.matches("(?i).*(password|secret|jaas|key\\b|token|credential).*") ? "(set)" : v));
        return out.append(']').toString();
    }
}
