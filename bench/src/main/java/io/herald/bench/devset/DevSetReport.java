package io.herald.bench.devset;

import io.herald.events.EnrichedPost;
import io.herald.ingest.Intake;
import io.herald.ingest.PostLedger;
import io.herald.ingest.RejectedPost;
import io.herald.transform.Pipeline;
import io.herald.transform.VersionLedger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measures Herald's Q&amp;A reading on a development set of real documents that live outside the
 * repository (issue 24): {@code docs/devset/manifest.tsv} names each one (repository, path, commit,
 * language, the pairs counted by hand); {@code bench/devset-fetch} puts their bytes under a folder
 * (default {@code ../herald-devset}). Each document goes through ingest as an API post would, then
 * through transform; the report says per document what was found, and in total: documents read
 * exactly right, pair precision and recall (from counts: {@code min(found, counted)} are taken as
 * right), and language right on the non-English ones.
 *
 * <p>Run: {@code bench/devset [folder]}.
 */
public final class DevSetReport {

    /** One manifest row. */
    record Doc(String repository, String path, String commit, String language, int pairs, String note) {

        Path file(Path folder) {
            return folder.resolve(repository.replace('/', '+')).resolve(path);
        }

        String extension() {
            int dot = path.lastIndexOf('.');
            return dot < 0 ? "txt" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
        }
    }

    static List<Doc> manifest(Path tsv) throws IOException {
        List<Doc> docs = new ArrayList<>();
        for (String line : Files.readAllLines(tsv)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length < 5) {
                throw new IllegalArgumentException("a manifest row needs repository, path, commit, language, pairs: " + line);
            }
            docs.add(new Doc(f[0], f[1], f[2], f[3], Integer.parseInt(f[4].strip()), f.length > 5 ? f[5] : ""));
        }
        return docs;
    }

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : "../herald-devset");
        Path tsv = Path.of(args.length > 1 ? args[1] : "docs/devset/manifest.tsv");
        List<Doc> docs = manifest(tsv);
        int present = 0;
        int exact = 0;
        long found = 0;
        long counted = 0;
        long right = 0;
        int nonEnglish = 0;
        int languageRight = 0;
        System.out.printf("%-5s %-5s %-6s %-5s  %s%n", "hand", "found", "lang", "got", "document");
        for (Doc d : docs) {
            Path file = d.file(folder);
            if (!Files.isRegularFile(file)) {
                System.out.printf("%-5d %-5s %-6s %-5s  %s/%s (absent)%n", d.pairs(), "-", d.language(), "-", d.repository(), d.path());
                continue;
            }
            present++;
            // Server pages (PHP, JSP) are HTML as a browser gets them.
            String type = switch (d.extension()) {
                case "php", "jsp", "asp", "aspx" -> "text/html";
                default -> Intake.TYPES_BY_EXTENSION.getOrDefault(d.extension(), "text/plain");
            };
            int pairs;
            int whole = 0;
            String language = "-";
            try {
                var outcome = new Intake(Clock.systemUTC(), Intake.DEFAULT_MAX_BYTES, new PostLedger())
                        .accept(Files.readAllBytes(file), type, "devset");
                pairs = outcome.post().qa().size();
                // A pair counts as read only with its question and its answer.
                whole = (int) outcome.post().qa().stream().filter(p -> p.question() != null && !p.question().isBlank()
                        && p.answer() != null && !p.answer().isBlank()).count();
                language = new Pipeline(new VersionLedger(), Clock.systemUTC()).process(outcome.post())
                        .map(EnrichedPost::language).orElse("-");
            } catch (RejectedPost e) {
                pairs = -1;
                language = "refused: " + e.getMessage();
            }
            int got = Math.max(pairs, 0);
            found += got;
            counted += d.pairs();
            right += Math.min(whole, d.pairs());
            boolean exactly = pairs == d.pairs() && whole == pairs;
            if (exactly) {
                exact++;
            }
            if (!d.language().equals("en")) {
                nonEnglish++;
                if (language.equals(d.language())) {
                    languageRight++;
                }
            }
            System.out.printf("%-5d %-5s %-6s %-5s  %s/%s%s%n", d.pairs(), pairs < 0 ? "400" : String.valueOf(pairs), d.language(),
                    language.length() > 5 ? language.substring(0, 5) : language, d.repository(), d.path(),
                    exactly ? "" : "   <- " + (pairs < 0 ? language : pairs == d.pairs() ? "off: " + (pairs - whole)
                            + " without an answer" : "off"));
        }
        System.out.printf("%ndocuments: %d of %d present; read exactly right: %d (%.0f%%)%n", present, docs.size(), exact,
                present == 0 ? 0.0 : 100.0 * exact / present);
        System.out.printf("pairs: precision %.3f, recall %.3f (found %d, counted by hand %d)%n",
                found == 0 ? 1.0 : (double) right / found, counted == 0 ? 1.0 : (double) right / counted, found, counted);
        System.out.printf("language right on non-English documents: %d of %d%n", languageRight, nonEnglish);
    }
}
