package io.herald.publish;

import io.herald.publish.social.Platform;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How the publish stage behaves: feeds, newsletter and social.
 *
 * @param newsletterOnEdit  {@code none}: a significant edit sends nothing; {@code correction}: it sends a correction
 * @param hold              how long snippets and announcements wait before going out; a deletion within it cancels them
 * @param digest            digest schedule: {@code off}, {@code daily@HH:MM} or {@code weekly@MON@HH:MM} (UTC)
 */
public record PublishSettings(
        String baseUrl,
        int feedSize,
        Path out,
        Optional<String> websubHub,
        String newsletterOnEdit,
        List<Platform> platforms,
        boolean threads,
        Duration hold,
        Optional<String> newsletterWebhook,
        String digest) {

    public static PublishSettings defaults(String baseUrl, Path out) {
        return new PublishSettings(baseUrl, 50, out, Optional.empty(), "none", List.of(Platform.values()), false,
                Duration.ZERO, Optional.empty(), "off");
    }
}
