package io.herald.bench;

import io.herald.events.QaPair;
import io.herald.events.RawPost;
import io.herald.ingest.Intake;
import io.herald.ingest.PostLedger;
import io.herald.ingest.RejectedPost;
import io.herald.transform.Pipeline;
import io.herald.transform.VersionLedger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parse and enrich time on adversarial input at 10 KB, 100 KB and 1 MB: the inputs that made
 * Herald's regular expressions quadratic (a link followed by a long run of punctuation, a label
 * followed by a long run of spaces, address-like text with no at sign, many opening brackets). Read
 * the results per KB: linear work costs the same per KB at every size (quadratic work would cost a
 * hundred times more per KB at 1 MB than at 10 KB). The baseline is the same size of ordinary prose.
 */
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class HostileInputBenchmark extends BenchSettings {

    @Param({"10", "100", "1000"})
    public int kb;

    @Param({"prose", "link-then-dots", "label-then-spaces", "address-without-at", "brackets"})
    public String input;

    private byte[] body;
    private RawPost raw;

    static String fill(String head, String unit, int bytes) {
        StringBuilder b = new StringBuilder(head);
        while (b.length() < bytes) {
            b.append(unit);
        }
        return b.toString();
    }

    @Setup
    public void make() {
        int bytes = kb * 1024;
        String text = switch (input) {
            case "prose" -> fill("Title\n\n", "The heat pump kept the old house warm all winter. ", bytes);
            case "link-then-dots" -> fill("Title\n\nSee www.", ".", bytes) + "x";
            case "label-then-spaces" -> fill("Title\n\nQ", " ", bytes) + "x";
            case "address-without-at" -> fill("Title\n\na.", "baaa", bytes);
            case "brackets" -> fill("Title\n\n", "<", bytes);
            default -> throw new IllegalArgumentException(input);
        };
        body = text.getBytes(StandardCharsets.UTF_8);
        String answer = text.substring(7);
        raw = RawPost.builder().id("hostile").source("bench").contentType("text/plain").body(text).receivedAt(Instant.EPOCH)
                .contentHash("h").title(answer.length() > 60_000 ? answer.substring(0, 60_000) : answer).intro("An intro.")
                .qa(List.of(new QaPair("A question?", answer))).build();
    }

    @Benchmark
    public Object ingest_parse() {
        try {
            return new Intake(Clock.systemUTC(), 50_000_000, new PostLedger()).accept(body, "text/plain", "bench");
        } catch (RejectedPost refused) {
            return refused;
        }
    }

    @Benchmark
    public Object transform_enrich() {
        return new Pipeline(new VersionLedger(), Clock.systemUTC()).process(raw);
    }
}
