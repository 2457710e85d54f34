package io.herald.bench;

import io.herald.events.RawPost;
import io.herald.events.Schema;
import io.herald.ingest.ParsedPost;
import io.herald.ingest.PlainTextParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** The benchmark input: the shared corpus's webinar post, found beside the repository. */
final class Corpus {

    private Corpus() {
    }

    static String webinarText() {
        String override = System.getProperty("herald.corpus");
        for (Path p : new Path[] {override == null ? null : Path.of(override),
                Path.of("../shared/corpus/emerging-tech-china-webinar-qa.txt"),
                Path.of("../../shared/corpus/emerging-tech-china-webinar-qa.txt")}) {
            if (p != null && Files.exists(p)) {
                try {
                    return Files.readString(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new IllegalStateException("run from the repository root (../shared/corpus must exist) or pass -Dherald.corpus=FILE");
    }

    static RawPost webinarRaw() {
        String text = webinarText();
        ParsedPost p = new PlainTextParser().parse(text);
        return new RawPost(Schema.VERSION, "webinar", "bench", "text/plain", text, Instant.parse("2026-02-12T09:00:00Z"),
                "hash", p.title(), p.author(), p.published(), p.url(), p.tags(), p.intro(), p.qa(), p.outro(), p.links(),
                p.images());
    }
}
