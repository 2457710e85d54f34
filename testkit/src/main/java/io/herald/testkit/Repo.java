package io.herald.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The repository a test runs in: Maven passes its root as {@code herald.repo.root}; else it is found upwards. */
public final class Repo {

    private Repo() {
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path root() {
        String given = System.getProperty("herald.repo.root");
        if (given != null && !given.isBlank()) {
            return Path.of(given).toAbsolutePath().normalize();
        }
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("samples")) && Files.exists(p.resolve("pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find the repository root (a folder with samples/ and pom.xml) above " + dir
                + "; run the tests with Maven, or set -Dherald.repo.root=DIR");
    }
}
