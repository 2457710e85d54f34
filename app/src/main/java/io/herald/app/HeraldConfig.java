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
        Optional<String> websubHub) {

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
