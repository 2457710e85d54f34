package io.herald.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Herald's settings, resolved: defaults from {@code application.properties}, overridden by a
 * {@code --config} file, the environment ({@code HERALD_<NAME>}) and the command line.
 */
public record HeraldConfig(
        Optional<String> kafkaBootstrap,
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
        double minorEditShare,
        int feedSize,
        Optional<String> websubHub,
        Outbound outbound) {

    /** Newsletter and social settings. */
    public record Outbound(String newsletterOnEdit, List<String> socialPlatforms, boolean socialThreads, Duration hold,
                           Optional<String> newsletterWebhook, String newsletterDigest) {

        public static Outbound defaults() {
            return new Outbound("none", List.of("x", "mastodon", "bluesky", "linkedin"), false, Duration.ZERO,
                    Optional.empty(), "off");
        }
    }

    public io.herald.publish.PublishSettings publishSettings() {
        List<io.herald.publish.social.Platform> platforms = outbound.socialPlatforms().stream()
                .map(io.herald.publish.social.Platform::of).toList();
        return new io.herald.publish.PublishSettings(baseUrl, feedSize, out, websubHub, outbound.newsletterOnEdit(), platforms,
                outbound.socialThreads(), outbound.hold(), outbound.newsletterWebhook(), outbound.newsletterDigest());
    }

    public HeraldConfig {
        feeds = feeds == null ? List.of() : List.copyOf(feeds);
    }

    /** The settings as Camel property placeholders ({@code {{herald.inbox}}} and so on). */
    public Properties placeholders() {
        Properties p = new Properties();
        p.setProperty("herald.inbox", inbox.toAbsolutePath().toString());
        p.setProperty("herald.out", out.toAbsolutePath().toString());
        p.setProperty("herald.base-url", baseUrl);
        p.setProperty("herald.port", String.valueOf(port));
        return p;
    }

    @Override
    public String toString() {
        // never print the token
        return "HeraldConfig[kafka=" + kafkaBootstrap.orElse("embedded") + ", port=" + port + ", dataDir=" + dataDir
                + ", inbox=" + inbox + ", out=" + out + ", baseUrl=" + baseUrl
                + ", apiToken=" + (apiToken.isPresent() ? "(set)" : "(none)") + ", feeds=" + feeds + "]";
    }
}
