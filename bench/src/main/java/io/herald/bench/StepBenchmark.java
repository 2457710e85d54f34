package io.herald.bench;

import io.herald.events.RawPost;
import io.herald.transform.Draft;
import io.herald.transform.Pipeline;
import io.herald.transform.Step;
import io.herald.transform.VersionLedger;
import java.time.Clock;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * Each enrichment step on its own, on the sample webinar post as the steps before it left it: where
 * the transform stage's time goes. Compare with {@code EnrichBenchmark.baseline_readAndWriteTheRawEvent}.
 */
public class StepBenchmark extends BenchSettings {

    @Param({"normalize-text", "clean-links", "sanitize-html", "qa-anchors", "language", "reading-time", "entities", "tags", "summary"})
    public String step;

    private RawPost raw;
    private List<Step> before;
    private Step measured;
    private Draft draft;

    @Setup(Level.Trial)
    public void load() {
        raw = BenchPost.webinarRaw();
        List<Step> steps = new Pipeline(new VersionLedger(), Clock.systemUTC()).steps();
        int at = steps.stream().map(Step::name).toList().indexOf(step);
        if (at < 0) {
            throw new IllegalArgumentException("no step " + step + " in " + steps.stream().map(Step::name).toList());
        }
        before = steps.subList(0, at);
        measured = steps.get(at);
    }

    @Setup(Level.Invocation)
    public void draft() {
        draft = new Draft(raw);
        before.forEach(s -> s.apply(draft));
    }

    @Benchmark
    public Draft apply() {
        measured.apply(draft);
        return draft;
    }
}
