package io.herald.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;

/**
 * The system tools some tests check Herald's output with, parsers that share nothing with Herald's
 * own. A missing tool fails the test with the Debian package that provides it (the README's test
 * script, {@code bin/test}, installs them), never a silent pass.
 */
public final class Tools {

    /** Debian's python, which python3-feedparser installs into (a pyenv python would not have it). */
    public static final String PYTHON = "/usr/bin/python3";

    private Tools() {
    }

    public static void requireFeedparser() {
        require(Files.isExecutable(Path.of(PYTHON)) && succeeds(PYTHON, "-c", "import feedparser"),
                "python3-feedparser (for " + PYTHON + ")");
    }

    /** Debian's python3-prometheus-client: the Prometheus text-format parser /metrics is checked with. */
    public static void requirePrometheusParser() {
        require(Files.isExecutable(Path.of(PYTHON)) && succeeds(PYTHON, "-c", "import prometheus_client.parser"),
                "python3-prometheus-client (for " + PYTHON + ")");
    }

    /** Debian's chromium and chromium-driver, which the browser tests drive (nothing is downloaded). */
    public static final String CHROMIUM = "/usr/bin/chromium";
    public static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    public static void requireChromium() {
        require(Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER)), "chromium chromium-driver");
    }

    /** Prometheus' own checker of rule files, from Debian's prometheus. */
    public static void requirePromtool() {
        require(succeeds("promtool", "--version"), "prometheus (promtool)");
    }

    public static void requireXmllint() {
        require(succeeds("xmllint", "--version"), "libxml2-utils (xmllint)");
    }

    private static void require(boolean present, String pkg) {
        if (!present) {
            Assertions.fail("This test needs the Debian package " + pkg + ". Install it with "
                    + "`apt-get install -y " + pkg.split(" \\(")[0] + "`, or run the tests with bin/test, which does.");
        }
    }

    private static boolean succeeds(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
