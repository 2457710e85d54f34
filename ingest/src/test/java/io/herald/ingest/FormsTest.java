package io.herald.ingest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Q&amp;A in the forms people publish: a corpus the team wrote (one post per form, in
 * {@code src/test/resources/forms/}), each read as its format is sent, with the pairs found against
 * the pairs expected. Prints the table; fails on any miss.
 */
class FormsTest {

    @Test
    void every_form_in_the_teams_corpus_gives_the_pairs_it_holds() {
        Intake intake = new Intake(Clock.systemUTC(), Intake.DEFAULT_MAX_BYTES, new PostLedger());
        List<String> misses = new ArrayList<>();
        StringBuilder table = new StringBuilder(String.format("%-45s %-28s %5s %8s%n", "form", "file", "found", "expected"));
        int rows = 0;
        for (String line : Fixtures.text("forms/expected.tsv").lines().toList()) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t");
            String ext = f[0].substring(f[0].lastIndexOf('.') + 1);
            byte[] body = Fixtures.text("forms/" + f[0]).getBytes(StandardCharsets.UTF_8);
            int expected = Integer.parseInt(f[2]);
            int found;
            boolean whole;
            try {
                var qa = intake.accept(body, Intake.TYPES_BY_EXTENSION.get(ext), "test").post().qa();
                found = qa.size();
                // A pair counts only with its question and its answer: "Q:" taking the speaker's reply as
                // more question would find the questions and lose the answers.
                whole = qa.stream().allMatch(p -> !p.question().isBlank() && p.answer() != null && !p.answer().isBlank());
            } catch (RejectedPost e) {
                found = -1;
                whole = false;
            }
            rows++;
            boolean hit = found == expected && whole;
            table.append(String.format("%-45s %-28s %5d %8d%s%n", f[1], f[0], found, expected,
                    hit ? "" : found == expected ? "  MISS (empty answers)" : "  MISS"));
            if (!hit) {
                misses.add(f[0]);
            }
        }
        System.out.println("[herald] Q&A forms, pairs found / expected:\n" + table);
        assertTrue(rows >= 30, "the corpus has at least 30 posts: " + rows);
        assertTrue(misses.isEmpty(), "missed: " + misses + "\n" + table);
    }
}
