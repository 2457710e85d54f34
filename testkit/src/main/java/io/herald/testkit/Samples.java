package io.herald.testkit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The posts in the repository's {@code samples/} folder, written by the Herald team for the quick
 * start and the tests. Always present, in every clone.
 */
public final class Samples {

    /** A long webinar Q&amp;A in plain text: 12 pairs, typos, a bare www. link, a trailing navigation line. */
    public static final String WEBINAR = "heat-pump-webinar-qa.txt";
    /** The id the webinar sample gets (a slug of its title). */
    public static final String WEBINAR_ID = "q-a-heat-pumps-for-older-homes-webinar";
    public static final String WEBINAR_TITLE = "Q&A: Heat Pumps for Older Homes Webinar";
    public static final int WEBINAR_PAIRS = 12;
    /** Markdown with front matter, question headings, links and emphasis. */
    public static final String MARKDOWN = "community-solar-ama.md";
    /** A whole HTML page with header, navigation, aside and footer around the article. */
    public static final String HTML = "repair-cafe-faq.html";
    /** The API's JSON shape. */
    public static final String JSON = "balcony-solar-faq.json";

    private Samples() {
    }

    public static Path dir() {
        return Repo.root().resolve("samples");
    }

    public static Path file(String name) {
        Path file = dir().resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no sample " + name + " in " + dir());
        }
        return file;
    }

    public static byte[] bytes(String name) {
        return Repo.read(file(name));
    }

    public static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }
}
