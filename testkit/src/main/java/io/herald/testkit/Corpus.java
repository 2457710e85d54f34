package io.herald.testkit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Real Q&amp;A posts that are not part of the repository, found through one setting: the system
 * property {@code herald.corpus} (default {@code ../shared/corpus} beside the repository). Where the
 * folder is absent, a test that needs it is skipped with a message naming the folder; where it is
 * there (as in CI), the test runs.
 */
public final class Corpus {

    public static final String PROPERTY = "herald.corpus";
    public static final String WEBINAR = "emerging-tech-china-webinar-qa.txt";

    private Corpus() {
    }

    public static Path dir() {
        String given = System.getProperty(PROPERTY);
        Path dir = given == null || given.isBlank() ? Repo.root().resolve("../shared/corpus") : Path.of(given);
        return dir.toAbsolutePath().normalize();
    }

    /** The corpus file, or a skipped test (with the folder named) when the corpus is not here. */
    public static Path file(String name) {
        Path dir = dir();
        Assumptions.assumeTrue(Files.isDirectory(dir), () -> "Skipped: the shared corpus folder " + dir
                + " is absent (set -D" + PROPERTY + "=DIR to run the corpus tests)");
        Path file = dir.resolve(name);
        Assumptions.assumeTrue(Files.isRegularFile(file), () -> "Skipped: " + name + " is not in the corpus folder " + dir);
        return file;
    }

    public static byte[] bytes(String name) {
        return Repo.read(file(name));
    }

    public static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }
}
