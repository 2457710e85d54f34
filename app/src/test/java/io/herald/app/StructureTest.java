package io.herald.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.testkit.Repo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shape the README's "Where things live" promises, held by a test: route classes stay short and
 * say where data goes, building no Kafka or HTTP endpoint by hand and reading no JSON themselves; the
 * feeds do not reach into the pages.
 */
class StructureTest {

    static List<Path> mainSources() throws IOException {
        List<Path> all = new ArrayList<>();
        for (String module : List.of("support", "events", "ingest", "transform", "publish", "app", "broker")) {
            try (Stream<Path> s = Files.walk(Repo.root().resolve(module).resolve("src/main/java"))) {
                s.filter(p -> p.toString().endsWith(".java")).forEach(all::add);
            }
        }
        return all;
    }

    static boolean isRouteClass(String source) {
        return source.contains("extends RouteBuilder") || source.contains("extends RouteConfigurationBuilder");
    }

    @Test
    void a_route_class_is_short_builds_no_endpoint_string_and_reads_no_json() throws IOException {
        List<String> problems = new ArrayList<>();
        int routes = 0;
        for (Path file : mainSources()) {
            String source = Files.readString(file);
            if (!isRouteClass(source)) {
                continue;
            }
            routes++;
            String name = Repo.root().relativize(file).toString();
            long lines = source.lines().count();
            if (lines > 160) {
                problems.add(name + ": " + lines + " lines");
            }
            for (String banned : List.of("\"kafka:", "\"platform-http:", "Json.read(")) {
                if (source.contains(banned)) {
                    problems.add(name + ": " + banned);
                }
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(routes >= 15, "route classes found: " + routes);
    }

    @Test
    void endpoints_are_built_only_where_they_are_declared() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path file : mainSources()) {
            String source = Files.readString(file);
            String name = file.getFileName().toString();
            if (source.contains("\"kafka:") && !name.equals("KafkaEndpoints.java")) {
                problems.add(name + " builds a Kafka endpoint");
            }
            if (source.contains("\"platform-http:") && !name.equals("HttpEndpoint.java")) {
                problems.add(name + " builds an HTTP endpoint");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void the_feeds_do_not_reach_into_the_pages() throws IOException {
        try (Stream<Path> s = Files.walk(Repo.root().resolve("publish/src/main/java/io/herald/publish/feeds"))) {
            List<String> importing = s.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                try {
                    return Files.readString(p).contains("io.herald.publish.pages");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).map(p -> p.getFileName().toString()).toList();
            assertEquals(List.of(), importing);
        }
    }
}
