import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.CommonTextObjectFactories;
import io.herald.events.EnrichedPost;
import io.herald.events.EnrichedQa;
import io.herald.ingest.Intake;
import io.herald.ingest.PostLedger;
import io.herald.transform.Draft;
import io.herald.transform.Pipeline;
import io.herald.transform.VersionLedger;
import io.herald.transform.steps.DetectLanguage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Issue 24's comparison of language detectors on the development set (bench/language-compare): Herald's
 * reading (prose only, script first, then optimaize), optimaize over all the text (Herald before), and
 * lingua (com.github.pemistahl:lingua 1.2.2, all languages) over all the text and over the prose;
 * on whole documents and on their questions alone (short text). Then each detector's start-up and heap.
 * Written by the Herald team; run outside the build, since lingua's models are 80 MB.
 */
public class LanguageCompare {

    record Doc(String language, String text, List<String> questions) {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        List<Doc> docs = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[1]))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            Path file = folder.resolve(f[0].replace('/', '+')).resolve(f[1]);
            if (!Files.isRegularFile(file)) {
                continue;
            }
            String ext = f[1].substring(f[1].lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
            String type = switch (ext) {
                case "php", "jsp" -> "text/html";
                default -> Intake.TYPES_BY_EXTENSION.getOrDefault(ext, "text/plain");
            };
            try {
                var raw = new Intake(Clock.systemUTC(), Intake.DEFAULT_MAX_BYTES, new PostLedger())
                        .accept(Files.readAllBytes(file), type, "compare").post();
                EnrichedPost post = new Pipeline(new VersionLedger(), Clock.systemUTC()).process(raw).orElseThrow();
                docs.add(new Doc(f[3], Draft.fullText(post.title(), post.intro(), post.qa(), post.outro()),
                        post.qa().stream().map(EnrichedQa::question).toList()));
            } catch (RuntimeException e) {
                System.out.println("skipped " + f[1] + ": " + e.getMessage());
            }
        }

        System.gc();
        long heap0 = used();
        long t0 = System.nanoTime();
        LanguageDetector optimaize = com.optimaize.langdetect.LanguageDetectorBuilder.create(NgramExtractors.standard())
                .withProfiles(new LanguageProfileReader().readAllBuiltIn()).build();
        long optimaizeStart = System.nanoTime() - t0;
        System.gc();
        long optimaizeHeap = used() - heap0;
        Function<String, String> optimaizeAll = t -> {
            var found = optimaize.detect(CommonTextObjectFactories.forDetectingOnLargeText().forText(t));
            return found.isPresent() ? found.get().getLanguage() : "und";
        };

        System.gc();
        long heap1 = used();
        long t1 = System.nanoTime();
        var lingua = LanguageDetectorBuilder.fromAllLanguages().withPreloadedLanguageModels().build();
        long linguaStart = System.nanoTime() - t1;
        System.gc();
        long linguaHeap = used() - heap1;
        Function<String, String> linguaOf = t -> {
            Language l = lingua.detectLanguageOf(t);
            return l == Language.UNKNOWN ? "und" : l.getIsoCode639_1().name().toLowerCase(Locale.ROOT);
        };

        String[] names = {"Herald (prose, script, optimaize)", "optimaize, all text (before)", "lingua, all text", "lingua, prose"};
        List<Function<String, String>> detectors = List.of(DetectLanguage::detect, optimaizeAll, linguaOf,
                t -> linguaOf.apply(DetectLanguage.prose(t)));
        System.out.printf("%-36s %-22s %-22s %-18s %s%n", "detector", "documents right", "non-English right", "questions right",
                "ms per document");
        for (int i = 0; i < names.length; i++) {
            var d = detectors.get(i);
            int right = 0;
            int nonEnglish = 0;
            int nonEnglishRight = 0;
            int questions = 0;
            int questionsRight = 0;
            long t = System.nanoTime();
            for (Doc doc : docs) {
                boolean ok = d.apply(doc.text()).equals(doc.language());
                right += ok ? 1 : 0;
                if (!doc.language().equals("en")) {
                    nonEnglish++;
                    nonEnglishRight += ok ? 1 : 0;
                }
            }
            double ms = (System.nanoTime() - t) / 1e6 / docs.size();
            for (Doc doc : docs) {
                for (String q : doc.questions()) {
                    questions++;
                    questionsRight += d.apply(q).equals(doc.language()) ? 1 : 0;
                }
            }
            System.out.printf("%-36s %-22s %-22s %-18s %.2f%n", names[i], right + " of " + docs.size(),
                    nonEnglishRight + " of " + nonEnglish, String.format("%.3f", questionsRight / (double) questions), ms);
        }
        System.out.printf("%nstart-up: optimaize %.0f ms, lingua (all languages, models preloaded) %.0f ms (%.1fx)%n",
                optimaizeStart / 1e6, linguaStart / 1e6, linguaStart / (double) optimaizeStart);
        System.out.printf("heap held: optimaize %d MiB, lingua %d MiB (%.1fx)%n", optimaizeHeap >> 20, linguaHeap >> 20,
                linguaHeap / (double) Math.max(1, optimaizeHeap));
    }

    private static long used() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }
}
