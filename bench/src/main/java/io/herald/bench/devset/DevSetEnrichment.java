package io.herald.bench.devset;

import io.herald.events.EnrichedPost;
import io.herald.ingest.Intake;
import io.herald.ingest.PostLedger;
import io.herald.ingest.RejectedPost;
import io.herald.transform.Pipeline;
import io.herald.transform.VersionLedger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * Issue 27's measure: the tags and the summary Herald gives each development-set document, one block
 * per document, for an editor to judge (which tags they would keep; whether the summary reads as one
 * piece). Prints nothing of a document but what Herald made of it.
 * usage: java -cp benchmarks.jar io.herald.bench.devset.DevSetEnrichment FOLDER [MANIFEST]
 */
public final class DevSetEnrichment {

    private DevSetEnrichment() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args.length > 0 ? args[0] : "../herald-devset");
        Path tsv = Path.of(args.length > 1 ? args[1] : "docs/devset/manifest.tsv");
        int docs = 0;
        int tags = 0;
        int over = 0;
        for (DevSetReport.Doc d : DevSetReport.manifest(tsv)) {
            Path file = d.file(folder);
            if (!Files.isRegularFile(file)) {
                continue;
            }
            String type = switch (d.extension()) {
                case "php", "jsp", "asp", "aspx" -> "text/html";
                default -> Intake.TYPES_BY_EXTENSION.getOrDefault(d.extension(), "text/plain");
            };
            try {
                var outcome = new Intake(Clock.systemUTC(), Intake.DEFAULT_MAX_BYTES, new PostLedger())
                        .accept(Files.readAllBytes(file), type, "devset");
                EnrichedPost post = new Pipeline(new VersionLedger(), Clock.systemUTC()).process(outcome.post()).orElseThrow();
                docs++;
                // The author's own tags (their front matter, their JSON) apart from the ones Herald found.
                java.util.Set<String> own = new java.util.HashSet<>();
                outcome.post().tags().forEach(t -> own.add(t.strip().replaceAll("^#", "").toLowerCase(java.util.Locale.ROOT)));
                List<String> auto = post.tags().stream().filter(t -> !own.contains(t.toLowerCase(java.util.Locale.ROOT))).toList();
                tags += auto.size();
                String summary = post.summary() == null ? "" : post.summary();
                if (summary.codePointCount(0, summary.length()) > 160) {
                    over++;
                }
                System.out.printf("== %s/%s [%s, %d pairs]%n   own tags: %s%n   auto tags: %s%n   summary (%d): %s%n", d.repository(),
                        d.path(), post.language(), post.qa().size(), String.join(" | ", outcome.post().tags()), String.join(" | ", auto),
                        summary.codePointCount(0, summary.length()), summary);
            } catch (RejectedPost e) {
                System.out.printf("== %s/%s refused: %s%n", d.repository(), d.path(), e.getMessage());
            }
        }
        System.out.printf("%ndocuments: %d; tags Herald found: %d; summaries over 160 characters: %d%n", docs, tags, over);
    }
}
