package io.herald.bench;

import io.herald.events.EnrichedPost;
import io.herald.events.Json;
import io.herald.events.RawPost;
import io.herald.ingest.ParsedPost;
import io.herald.ingest.PlainTextParser;
import io.herald.transform.Pipeline;
import io.herald.transform.VersionLedger;
import java.time.Clock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

/**
 * Per-post cost of the transform stage on the sample webinar post (12 Q&amp;A pairs, about 1,000
 * words). The baseline is what any stage pays for a post anyway: reading it from JSON and writing it
 * back. Compare the others with it: the ratio travels between machines better than the times do.
 */
public class EnrichBenchmark extends BenchSettings {

    private RawPost raw;
    private String rawJson;
    private String text;

    @Setup
    public void load() {
        raw = BenchPost.webinarRaw();
        rawJson = Json.write(raw);
        text = BenchPost.webinarText();
    }

    @Benchmark
    public String baseline_readAndWriteTheRawEvent() {
        return Json.write(Json.read(rawJson, RawPost.class));
    }

    @Benchmark
    public ParsedPost ingest_parsePlainText() {
        return new PlainTextParser().parse(text);
    }

    @Benchmark
    public EnrichedPost transform_enrichOnePost() {
        // A fresh ledger each time: every call enriches a new post, version 1, through all steps.
        return new Pipeline(new VersionLedger(), Clock.systemUTC()).process(Json.read(rawJson, RawPost.class)).orElseThrow();
    }
}
