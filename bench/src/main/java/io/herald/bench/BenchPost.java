package io.herald.bench;

import io.herald.events.RawPost;
import io.herald.ingest.ParsedPost;
import io.herald.ingest.PlainTextParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The benchmark input: a long webinar Q&amp;A post in plain text. By default the repository's own
 * {@code samples/heat-pump-webinar-qa.txt} (found from the working directory upwards); any other post
 * with {@code -Dherald.post=FILE}.
 */
public final class BenchPost {

    static final String SAMPLE = "samples/heat-pump-webinar-qa.txt";

    private BenchPost() {
    }

    public static String webinarText() {
        String override = System.getProperty("herald.post");
        Path file = override != null ? Path.of(override) : findSample();
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the benchmark post " + file, e);
        }
    }

    private static Path findSample() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(SAMPLE))) {
                return dir.resolve(SAMPLE);
            }
        }
        throw new IllegalStateException("run from inside the repository (to find " + SAMPLE + ") or pass -Dherald.post=FILE");
    }

    public static RawPost webinarRaw() {
        String text = webinarText();
        ParsedPost p = new PlainTextParser().parse(text);
        return p.toRaw().id("webinar").source("bench").contentType("text/plain").body(text)
                .receivedAt(Instant.parse("2026-02-12T09:00:00Z")).contentHash("hash").build();
    }
}
