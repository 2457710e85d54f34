package io.herald.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Generated documents in every format: a post is accepted, or refused with a reason. A parser that
 * throws anything else (Intake reports it as a parser defect) fails the property.
 */
class ParserFuzzTest {

    private final Intake intake = new Intake(Clock.systemUTC(), 1024 * 1024, new PostLedger());

    @Provide
    Arbitrary<String> documents() {
        Arbitrary<String> pieces = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(40),
                Arbitraries.strings().withCharRange('\u0000', '\uFFFF').ofMaxLength(20),
                Arbitraries.of("Q: ", "A: ", "Question:", "Vraag: ", "**Q:**", "\n", "\n\n", "---\n", "title: x\n", "# ",
                        "## Why?\n", "<p>", "</p>", "<h2>", "</h2>", "<dl><dt>", "</dt><dd>", "<br>", "<script>", "]]>",
                        "<!DOCTYPE x [<!ENTITY a SYSTEM \"file:///etc/passwd\">]>", "&a;", "{\"title\":", "\"qa\":[",
                        "{\"question\":\"", "\"}", "]", "}", "<script type=\"application/ld+json\">{\"@type\":\"FAQPage\","
                                + "\"mainEntity\":[{\"name\":\"n\",\"acceptedAnswer\":", "\uD83D\uDE80", "\uD800", "中国"));
        return pieces.list().ofMaxSize(60).map(l -> String.join("", l));
    }

    @Property(tries = 600)
    void any_document_in_any_format_is_accepted_or_refused_with_a_reason(@ForAll("documents") String doc,
            @ForAll("types") String type) {
        try {
            Intake.Outcome outcome = intake.accept(doc.getBytes(StandardCharsets.UTF_8), type, "fuzz");
            if (outcome.post().title() == null || outcome.post().title().isBlank()) {
                throw new AssertionError("accepted without a title: " + doc);
            }
        } catch (RejectedPost refused) {
            if (refused.defect()) {
                throw new AssertionError("a parser crashed (" + type + ") instead of accepting or refusing: " + doc, refused.getCause());
            }
            if (refused.detail() == null || refused.detail().isBlank()) {
                throw new AssertionError("refused without a reason: " + doc);
            }
        }
    }

    @Provide
    Arbitrary<String> types() {
        return Arbitraries.of("text/plain", "text/markdown", "text/html", "application/json");
    }
}
