package io.herald.bench.harness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Herald as a user runs it: {@code java -Xmx… -jar app/target/herald.jar run} on its embedded broker,
 * in its own process, so its start-up and its resident memory (broker included) are measured as
 * they are in production.
 */
final class Herald implements AutoCloseable {

    private final Process process;
    final int port;
    final int kafkaPort;
    final Path dataDir;
    final long startedNanos;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Herald(Process process, int port, int kafkaPort, Path dataDir, long startedNanos) {
        this.process = process;
        this.port = port;
        this.kafkaPort = kafkaPort;
        this.dataDir = dataDir;
        this.startedNanos = startedNanos;
    }

    /**
     * Starts Herald with {@code bin/herald}, the launcher users run (class-data sharing included),
     * on {@code jar}.
     */
    static Herald start(Path root, Path jar, Path dataDir, String xmx, int port, int kafkaPort, Path log) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(root.resolve("bin/herald").toString());
        cmd.addAll(List.of("run",
                "--data-dir", dataDir.toString(), "--out", dataDir.resolve("out").toString(),
                "--inbox", dataDir.resolve("inbox").toString(), "--port", String.valueOf(port),
                "--embedded-kafka-port", String.valueOf(kafkaPort), "--host", "127.0.0.1",
                "--hold-seconds", "0", "--api-token", Harness.TOKEN, "--site-title", "Bench"));
        String opts = "-Xmx" + xmx;
        String jfr = System.getProperty("herald.bench.jfr");
        if (jfr != null) {
            // A profile of the whole run (bench/run --jfr FILE): jfr print --events jdk.ExecutionSample FILE
            opts += " -XX:StartFlightRecording=settings=profile,dumponexit=true,filename=" + jfr;
        }
        Files.createDirectories(dataDir);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().put("HERALD_JAVA_OPTS", opts);
        pb.environment().put("HERALD_JAR", jar.toString());
        long t0 = System.nanoTime();
        Process p = pb.start();
        return new Herald(p, port, kafkaPort, dataDir, t0);
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    String bootstrap() {
        return "127.0.0.1:" + kafkaPort;
    }

    /** Seconds from the process start to the first 200 from /health. */
    double awaitHealthy(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Herald exited with " + process.exitValue() + " before it was healthy (see the log)");
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(url("/health"))).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return (System.nanoTime() - startedNanos) / 1e9;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("Herald was not healthy within " + timeout);
    }

    boolean alive() {
        return process.isAlive();
    }

    /** CPU time the Herald process (all its threads, the broker's too) has used, in seconds. */
    double cpuSeconds() throws IOException {
        String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // fields 14 and 15 of stat (utime, stime), counted after the command name: indexes 11 and 12
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
    }

    /** Peak resident set of the Herald process (JVM, heap and the embedded broker), in MiB. */
    double peakRssMiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
