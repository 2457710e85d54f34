package io.herald.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test inputs: our own fixture posts, the repository's samples, and the shared corpus where it is present. */
final class Fixtures {

    private Fixtures() {
    }

    static byte[] bytes(String name) {
        String path = name.contains("/") ? "/" + name : "/posts/" + name;
        try (InputStream in = Fixtures.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    /** A file of the shared corpus (skips the test, saying so, where the corpus is absent). */
    static String corpusText(String name) {
        return io.herald.testkit.Corpus.text(name);
    }

    /** A post of the repository's samples/ folder. */
    static String sample(String name) {
        return io.herald.testkit.Samples.text(name);
    }
}
