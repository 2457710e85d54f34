package io.herald.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test inputs: our own fixture posts, and the shared corpus of real posts beside the repository. */
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

    /** A file of ../shared/corpus, found from the repository root that Maven passes in. */
    static Path corpus(String name) {
        Path root = Path.of(System.getProperty("herald.repo.root", "..")).toAbsolutePath();
        for (Path candidate : new Path[] {root.resolve("../shared/corpus").resolve(name),
                root.resolve("../../shared/corpus").resolve(name)}) {
            if (Files.exists(candidate)) {
                return candidate.normalize();
            }
        }
        throw new IllegalStateException("the shared corpus is not beside the repository: looked for " + name
                + " under " + root.resolve("../shared/corpus").normalize());
    }

    static String corpusText(String name) {
        try {
            return Files.readString(corpus(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
